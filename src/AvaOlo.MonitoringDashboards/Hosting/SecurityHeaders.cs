using AvaOlo.ServiceDefaults;

namespace AvaOlo.MonitoringDashboards.Hosting;

public static class SecurityHeaders
{
    // Pages use only our own stylesheet and scripts (no inline code or styles), so a tight policy costs nothing
    // and keeps injected markup inert if an encoding bug ever slips through.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Every response (pages, errors, /api, static files) gets the headers; pages only GET, HEAD and POST.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.UseAvaOloSecurityHeaders(ContentSecurityPolicy, referrerPolicy: "same-origin");

    /// <summary>
    /// Other methods (TRACE, PUT, PROPFIND…) are refused with 405 before a page runs: a page's handler would
    /// otherwise render without its OnGet having loaded anything.
    /// </summary>
    public static IApplicationBuilder UseAllowedMethods(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var m = http.Request.Method;
            if (HttpMethods.IsGet(m) || HttpMethods.IsHead(m) || HttpMethods.IsPost(m)) return next(http);
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = "GET, HEAD, POST";
            return Task.CompletedTask;
        });
}
