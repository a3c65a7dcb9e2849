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

    public static IApplicationBuilder UseAvaOloSecurityHeaders(this IApplicationBuilder app, string contentSecurityPolicy, string referrerPolicy = "no-referrer") =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(static state =>
            {
                var (response, csp, referrer) = ((HttpResponse, string, string))state;
                var headers = response.Headers;
                headers.ContentSecurityPolicy = csp;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = referrer;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            }, (http.Response, contentSecurityPolicy, referrerPolicy));
            return next(http);
        });
}
