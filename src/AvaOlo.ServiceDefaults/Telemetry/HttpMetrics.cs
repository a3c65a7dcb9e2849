using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>
/// Requests: ASP.NET Core's own http.server.request.duration (every request under its route template, never the raw
/// path, so farmer ids never become metric keys), rolled up by status class and per route; and the most requests in
/// flight at once in each minute, which ASP.NET Core's active-requests counter cannot tell (it only says "now").
/// </summary>
public static class HttpMetrics
{
    private static readonly Meter Meter = RolledUpMetric.CreateMeter();

    public static readonly RolledUpMetric Requests = new("http.server.request.duration", RollupKind.Histogram)
    {
        Meter = "Microsoft.AspNetCore.Hosting",
        Scale = 1000, // seconds → milliseconds
        LabelTag = "http.response.status_code",
        Label = StatusClass,
        PerRoute = true,
        Emf =
        [
            new("Requests", "Count", s => s.Count), new("Http4xx", "Count", s => s.CountOf("4xx")), new("Http5xx", "Count", s => s.CountOf("5xx")),
            new("LatencyP50", "Milliseconds", s => s.Percentile(0.50)), new("LatencyP90", "Milliseconds", s => s.Percentile(0.90)),
            new("LatencyP99", "Milliseconds", s => s.Percentile(0.99)),
        ],
    };

    public static readonly RolledUpMetric ActiveRequestsPeak = new("avaolo.http.server.active_requests.peak", RollupKind.Gauge)
    {
        Emf = [new("ActiveConnections", "Count", s => s.Sum)],
    };

    static HttpMetrics() =>
        Meter.CreateObservableGauge(ActiveRequestsPeak.Instrument, () => RequestsInFlight.Shared.LastPeak, "{request}",
            "Most requests in flight at once during the last complete minute");

    /// <summary>"2xx" … "5xx" (499, a client that left, is a 4xx).</summary>
    public static string StatusClass(object? statusCode) =>
        $"{Math.Clamp(Convert.ToInt32(statusCode, CultureInfo.InvariantCulture) / 100, 1, 5)}xx";
}

/// <summary>Requests in flight in this process, and the most at once since the minute began.</summary>
public sealed class RequestsInFlight
{
    public static readonly RequestsInFlight Shared = new();
    private int _current;
    private int _peak;
    private int _lastPeak;

    public int LastPeak => Volatile.Read(ref _lastPeak);

    public void Started()
    {
        var now = Interlocked.Increment(ref _current);
        for (var peak = Volatile.Read(ref _peak); now > peak; peak = Volatile.Read(ref _peak))
            if (Interlocked.CompareExchange(ref _peak, now, peak) == peak) break;
    }

    public void Finished() => Interlocked.Decrement(ref _current);

    /// <summary>Ends a minute: its peak becomes the reported value; the next minute starts from those still in flight.</summary>
    public void Roll() => Volatile.Write(ref _lastPeak, Interlocked.Exchange(ref _peak, Volatile.Read(ref _current)));

    /// <summary>Counts every request that reaches the app's pipeline (the shutdown drain's refusals do not).</summary>
    internal static async Task CountAsync(HttpContext http, RequestDelegate next)
    {
        Shared.Started();
        try { await next(http); }
        finally { Shared.Finished(); }
    }
}
