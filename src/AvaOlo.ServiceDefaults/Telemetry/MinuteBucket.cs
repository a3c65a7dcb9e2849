using AvaOlo.Data.Entities;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>Requests of one route template and status class in one minute.</summary>
public sealed record RouteRollup(string Route, string StatusClass, long Requests, double LatencySumMs, long[] LatencyBuckets);

/// <summary>One closed (or force-flushed) minute of one instance, ready for PostgreSQL and EMF.</summary>
public sealed record FlushedMinute(MetricMinute Totals, IReadOnlyList<RouteRollup> Routes);

/// <summary>Mutable counters of one minute; every method is called under the aggregator's lock.</summary>
internal sealed class MinuteBucket(DateTimeOffset minute)
{
    public const string OtherRoutes = "(other)";
    private readonly Dictionary<(string Route, string StatusClass), RouteCounter> _routes = [];
    private readonly MetricMinute _m = new()
    {
        Minute = minute, Service = "", Instance = "", LatencyBuckets = LatencyBuckets.Empty(), LlmLatencyBuckets = LatencyBuckets.Empty(),
    };

    public DateTimeOffset Minute => minute;

    public void AddRequest(string route, int status, double ms, int maxRoutes)
    {
        _m.Requests++;
        if (status is >= 400 and < 500) _m.Http4xx++;
        else if (status >= 500) _m.Http5xx++;
        _m.LatencySumMs += ms;
        var bucket = LatencyBuckets.IndexOf(ms);
        _m.LatencyBuckets[bucket]++;

        var key = (route, $"{Math.Clamp(status / 100, 1, 5)}xx");
        if (!_routes.TryGetValue(key, out var counter))
        {
            // Bounded memory: past the cap, new route keys share one "(other)" entry per status class.
            if (_routes.Count >= maxRoutes) key = (OtherRoutes, key.Item2);
            if (!_routes.TryGetValue(key, out counter)) _routes[key] = counter = new RouteCounter();
        }
        counter.Requests++;
        counter.SumMs += ms;
        counter.Buckets[bucket]++;
    }

    public void ObserveActive(int inFlight) => _m.ActiveConnections = Math.Max(_m.ActiveConnections, inFlight);

    public void AddViolation() => _m.ConstitutionalViolations++;
    public void AddDbConnectionError() => _m.DbConnectionErrors++;

    public void AddLlm(double ms, bool success)
    {
        _m.LlmQueries++;
        if (!success) _m.LlmFailures++;
        _m.LlmLatencySumMs += ms;
        _m.LlmLatencyBuckets[LatencyBuckets.IndexOf(ms)]++;
    }

    public void AddDbQuery(double ms)
    {
        _m.DbQueries++;
        _m.DbQuerySumMs += ms;
    }

    public void AddLocalization(bool matched)
    {
        _m.LocalizationTotal++;
        if (matched) _m.LocalizationMatched++;
    }

    public FlushedMinute Close(string service, string instance, ProcessSample sample)
    {
        _m.Service = service;
        _m.Instance = instance;
        _m.CpuPercent = sample.CpuPercent;
        _m.MemoryMb = sample.MemoryMb;
        _m.DiskUsedPercent = sample.DiskUsedPercent;
        var routes = _routes.Select(r => new RouteRollup(r.Key.Route, r.Key.StatusClass, r.Value.Requests, r.Value.SumMs, r.Value.Buckets)).ToList();
        return new(_m, routes);
    }

    private sealed class RouteCounter
    {
        public long Requests;
        public double SumMs;
        public readonly long[] Buckets = LatencyBuckets.Empty();
    }
}
