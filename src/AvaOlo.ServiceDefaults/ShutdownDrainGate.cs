using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace AvaOlo.ServiceDefaults;

/// <summary>
/// First in each service's pipeline (a startup filter, so both services get it from UseAvaOloHosting): while the
/// instance drains, /health and every new request are refused with 503 problem details, Retry-After and
/// Connection: close, before any work is done. Refusing rather than serving keeps the shutdown bounded: every
/// request that is served was accepted before SIGTERM, so the slowest one (the model path's deadline) still
/// fits the shutdown timeout instead of being cut off, which its client would see as a reset. Refusals come
/// before the services' own request metrics, so a deploy does not count towards the 5xx alarm.
/// </summary>
internal sealed class ShutdownDrainGate : IStartupFilter
{
    private const string RefusalContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
    private readonly ShutdownDrain _drain;
    private readonly Func<object, Task> _closeIfDraining;

    public ShutdownDrainGate(ShutdownDrain drain)
    {
        _drain = drain;
        _closeIfDraining = state =>
        {
            // A response to a request that was in flight when the drain began: its connection is not reused.
            var http = (HttpContext)state;
            if (_drain.Draining) CloseAfterResponse(http);
            return Task.CompletedTask;
        };
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (_drain.Enabled)
        {
            app.MapWhen(_ => _drain.Draining, refuse => refuse.UseAvaOloSecurityHeaders(RefusalContentSecurityPolicy).Run(RefuseAsync));
            app.Use((http, nextMiddleware) =>
            {
                http.Response.OnStarting(_closeIfDraining, http);
                return nextMiddleware(http);
            });
        }
        next(app);
    };

    private async Task RefuseAsync(HttpContext http)
    {
        _drain.CountRefused();
        // Not a request served: kept out of ASP.NET Core's request metrics, so a deploy does not count towards the 5xx alarm.
        if (http.Features.Get<IHttpMetricsTagsFeature>() is { } metrics) metrics.MetricsDisabled = true;
        // Read what the client sent first: a socket closed with unread bytes in it is answered with a reset.
        if (http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            try { await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted); }
            catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException) { } // too large, or gone
        }
        http.Response.Headers.RetryAfter = "1";
        http.Response.Headers.CacheControl = "no-store";
        CloseAfterResponse(http);
        var health = http.Request.Path.StartsWithSegments("/health");
        await TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Shutting down",
            Detail = health
                ? "This instance is shutting down (a deploy or scale-in) and takes no new requests."
                : "This instance is shutting down (a deploy or scale-in). Nothing was done: send the request again and another instance will answer it.",
        }).ExecuteAsync(http);
    }

    /// <summary>Connection: close is HTTP/1 only; HTTP/2 and 3 forbid connection-specific headers.</summary>
    private static void CloseAfterResponse(HttpContext http)
    {
        if (HttpProtocol.IsHttp11(http.Request.Protocol) || HttpProtocol.IsHttp10(http.Request.Protocol))
            http.Response.Headers.Connection = "close";
    }
}
