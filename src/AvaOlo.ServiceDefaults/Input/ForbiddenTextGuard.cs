using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AvaOlo.ServiceDefaults.Input;

/// <summary>
/// The URL and form half of <see cref="ForbiddenText"/> (JSON bodies have <see cref="CheckedStringConverter"/>): every
/// route value, path, query key and value, and — for a form posted to an endpoint — every form key, value and file
/// name. One middleware for every endpoint of a service, so no handler can forget; a refusal is a 400 naming the
/// field, before authentication, the database or any handler sees the value.
/// </summary>
public static class ForbiddenTextGuard
{
    // Synchronous unless a form must be read, so the common request allocates nothing here.
    public static IApplicationBuilder UseForbiddenTextGuard(this IApplicationBuilder app) => app.Use((http, next) =>
        InUrl(http.Request) is { } fault ? InvalidRequest.WriteAsync(http, fault.Field, fault.Reason)
        : http.Request.HasFormContentType ? CheckFormAsync(http, next)
        : next(http));

    private static async Task CheckFormAsync(HttpContext http, RequestDelegate next)
    {
        if (await FormFields.FindAsync(http) is { } fault) await InvalidRequest.WriteAsync(http, fault.Field, fault.Reason);
        else await next(http);
    }

    /// <summary>The first forbidden value in the route values (named as in the template), the path, or the query.</summary>
    public static (string Field, string Reason)? InUrl(HttpRequest request)
    {
        foreach (var (name, value) in request.RouteValues)
            if (value is string s && ForbiddenText.Check(s, TextKind.Token) is { } reason) return (name, reason);
        if ((ForbiddenText.Check(request.PathBase.Value, TextKind.Token) ?? ForbiddenText.Check(request.Path.Value, TextKind.Token)) is { } inPath)
            return ("path", inPath);
        if (request.QueryString.HasValue)
        {
            foreach (var (key, values) in request.Query)
            {
                if (ForbiddenText.Check(key, TextKind.Token) is { } inKey) return ("query", inKey);
                foreach (var v in values)
                    if (ForbiddenText.Check(v, TextKind.Token) is { } inValue) return (key, inValue);
            }
        }
        return null;
    }
}
