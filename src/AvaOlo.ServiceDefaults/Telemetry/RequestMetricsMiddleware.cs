using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>
/// Counts every request under its route template ("/api/v1/farmer/{id}/fields", never the raw path, so farmer
/// ids never become metric keys) and its status class. Runs outermost, so error pages' statuses are counted.
/// </summary>
internal sealed class RequestMetricsMiddleware(RequestDelegate next, MinuteAggregator aggregator)
{
    public async Task InvokeAsync(HttpContext http)
    {
        // Routing has already run; read the endpoint now, because error handling may clear it later.
        var route = RouteOf(http.GetEndpoint());
        var started = Stopwatch.GetTimestamp();
        aggregator.RequestStarted();
        var status = 500;
        try
        {
            await next(http);
            status = http.Response.StatusCode;
        }
        finally
        {
            if (http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted) status = 499;
            aggregator.RequestFinished(route ?? RouteOf(http.GetEndpoint()) ?? "(unmatched)", status,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static string? RouteOf(Endpoint? endpoint) => endpoint switch
    {
        RouteEndpoint r => Truncate(r.RoutePattern.RawText ?? r.DisplayName),
        null => null,
        _ => Truncate(endpoint.DisplayName),
    };

    private static string? Truncate(string? s) => s is null ? null : s.Length <= 200 ? s : s[..200];
}
