using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace AvaOlo.Data.Hosting;

public static class SchemaGate
{
    /// <summary>
    /// Refuses API requests (503) while the database schema is not the one this build was made for, so an
    /// instance never writes to a schema it does not understand. A reachable-but-failing database is left to
    /// the request itself, whose error handler answers 503 too. Asks the probe directly, not the health checks:
    /// it runs on every request and nearly always gets the cached answer without allocating.
    /// </summary>
    public static IApplicationBuilder UseSchemaGate(this IApplicationBuilder app, PathString guarded) =>
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(guarded))
            {
                var probe = http.RequestServices.GetRequiredService<DatabaseProbe>();
                var db = await probe.CheckAsync(http.RequestAborted);
                if (db.Reachable && !db.CanServe)
                {
                    http.Response.StatusCode = 503;
                    http.Response.Headers.RetryAfter = "30";
                    await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                    {
                        HttpContext = http,
                        ProblemDetails = new ProblemDetails { Status = 503, Title = "Database schema mismatch", Detail = db.Reason },
                    });
                    return;
                }
            }
            await next(http);
        });
}
