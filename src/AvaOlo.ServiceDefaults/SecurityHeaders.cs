using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AvaOlo.ServiceDefaults;

/// <summary>
/// Security headers on every response, errors included: they are added when the response starts, after the
/// exception handler and status-code pages have had their say (the exception handler clears headers set earlier).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// For the JSON API and its documentation page: Scalar's page is one inline bootstrap script plus its bundled
    /// script and styles, served from this origin; it needs inline styles and data: fonts/images, nothing remote.
    /// </summary>
    public const string ApiContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// HSTS: browsers keep to HTTPS for a year once they have seen it. Without includeSubDomains: the services may sit
    /// under an operator's domain whose other hosts we do not know to be HTTPS-only.
    /// </summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseAvaOloSecurityHeaders(this IApplicationBuilder app, string contentSecurityPolicy, string referrerPolicy = "no-referrer") =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(static state =>
            {
                var (response, csp, referrer) = ((HttpResponse, string, string))state;
                var headers = response.Headers;
                if (SendsHsts(response.HttpContext.Request)) headers.StrictTransportSecurity = StrictTransportSecurity;
                headers.ContentSecurityPolicy = csp;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = referrer;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            }, (http.Response, contentSecurityPolicy, referrerPolicy));
            return next(http);
        });

    /// <summary>
    /// Only on HTTPS (RFC 6797 §7.2: never over plain HTTP). TLS ends at the load balancer, so the scheme is the
    /// X-Forwarded-Proto it sets, applied by ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (the deploy sets it); the same
    /// host/loopback exclusions as the framework's UseHsts, so a developer's browser never pins localhost to HTTPS.
    /// Hand-written rather than UseHsts because, like the headers above, it must survive the exception handler,
    /// which clears headers set before a failure.
    /// </summary>
    public static bool SendsHsts(HttpRequest request) =>
        request.IsHttps && request.Host.Host is not ("localhost" or "127.0.0.1" or "[::1]" or "::1");
}
