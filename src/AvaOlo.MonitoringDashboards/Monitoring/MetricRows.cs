using System.Text.Json.Serialization;
using AvaOlo.ServiceDefaults.Telemetry;

namespace AvaOlo.MonitoringDashboards.Monitoring;

/// <summary>
/// One rollup row as the dashboards read it: a minute of one instance, or an hour of one service (all instances).
/// Gauges are sums with a sample count so minute and hour rows average alike.
/// </summary>
public sealed record MetricRow(
    DateTimeOffset At, string Service, string? Instance, long Requests, long Http4xx, long Http5xx, long[] LatencyBuckets,
    double ActiveConnections, double CpuSum, double MemorySum, long GaugeSamples, long DbConnectionErrors, long Violations,
    long LlmQueries, long LlmFailures, double LlmLatencySumMs, long[] LlmBuckets, long DbQueries, double DbQuerySumMs,
    long LocalizationTotal, long LocalizationMatched);

/// <summary>A point of a chart: one minute or one hour, all instances (and services, unless one is chosen) merged.</summary>
public sealed record MetricPoint(
    DateTimeOffset T, long Requests, [property: JsonPropertyName("http_4xx")] long Http4xx, [property: JsonPropertyName("http_5xx")] long Http5xx, double? P50Ms, double? P90Ms, double? P99Ms,
    double ActiveConnections, double? CpuPercent, double? MemoryMb, long ConstitutionalViolations, long DbConnectionErrors);

public sealed record RouteFigure(string Route, string StatusClass, long Requests, double? P99Ms);

public sealed record MetricsSummary(
    string Window, string? Service, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> Services,
    long Requests, double RequestsPerMinute, double? LatencyP50Ms, double? LatencyP90Ms, double? LatencyP99Ms,
    [property: JsonPropertyName("http_4xx")] long Http4xx, [property: JsonPropertyName("http_5xx")] long Http5xx,
    double ActiveConnections, double? CpuPercent, double? MemoryMb, int? Instances,
    long DbConnectionErrors, long ConstitutionalViolations, long LlmQueries, long LlmFailures, double? LlmQueryLatencyAvgMs,
    double? LlmQueryLatencyP99Ms, double? DatabaseQueryTimeAvgMs, double? LocalizationAccuracyPercent,
    IReadOnlyList<MetricPoint> Series, IReadOnlyList<RouteFigure> Routes);

/// <summary>Pure folding of rollup rows into the figures /api/metrics and the pages show.</summary>
public static class MetricsMath
{
    public static MetricPoint Point(DateTimeOffset t, IReadOnlyList<MetricRow> rows, double activeDivisor)
    {
        var buckets = LatencyBuckets.Merge(rows.Select(r => r.LatencyBuckets));
        var samples = rows.Sum(r => r.GaugeSamples);
        return new(t, rows.Sum(r => r.Requests), rows.Sum(r => r.Http4xx), rows.Sum(r => r.Http5xx),
            Round(LatencyBuckets.Percentile(buckets, 0.50)), Round(LatencyBuckets.Percentile(buckets, 0.90)), Round(LatencyBuckets.Percentile(buckets, 0.99)),
            Math.Round(rows.Sum(r => r.ActiveConnections) / Math.Max(1, activeDivisor), 1),
            samples == 0 ? null : Round(rows.Sum(r => r.CpuSum) / samples), samples == 0 ? null : Round(rows.Sum(r => r.MemorySum) / samples),
            rows.Sum(r => r.Violations), rows.Sum(r => r.DbConnectionErrors));
    }

    public static MetricsSummary Summarise(MetricsWindow window, string? service, DateTimeOffset now, IReadOnlyList<string> services,
        IReadOnlyList<MetricRow> rows, IReadOnlyList<RouteFigure> routes)
    {
        var from = window.From(now);
        // Hour rows sum every instance-minute of the hour: divide by the minutes the hour has run so far.
        var series = rows.GroupBy(r => r.At).OrderBy(g => g.Key)
            .Select(g => Point(g.Key, g.ToList(), window.Hourly ? Math.Clamp((now - g.Key).TotalMinutes, 1, 60) : 1)).ToList();
        var all = Point(now, rows, 1);
        var llm = LatencyBuckets.Merge(rows.Select(r => r.LlmBuckets));
        long llmQueries = rows.Sum(r => r.LlmQueries), dbQueries = rows.Sum(r => r.DbQueries), loc = rows.Sum(r => r.LocalizationTotal);
        var minutes = window.Length.TotalMinutes;
        return new(window.Name, service, from, now, services, all.Requests, Math.Round(all.Requests / minutes, 2),
            all.P50Ms, all.P90Ms, all.P99Ms, all.Http4xx, all.Http5xx, series.Count == 0 ? 0 : series[^1].ActiveConnections,
            all.CpuPercent, all.MemoryMb, window.Hourly ? null : rows.Select(r => (r.Service, r.Instance)).Distinct().Count(),
            all.DbConnectionErrors, all.ConstitutionalViolations, llmQueries, rows.Sum(r => r.LlmFailures),
            llmQueries == 0 ? null : Round(rows.Sum(r => r.LlmLatencySumMs) / llmQueries), Round(LatencyBuckets.Percentile(llm, 0.99)),
            dbQueries == 0 ? null : Round(rows.Sum(r => r.DbQuerySumMs) / dbQueries),
            loc == 0 ? null : Round(100.0 * rows.Sum(r => r.LocalizationMatched) / loc), series, routes);
    }

    private static double? Round(double? v) => v is null ? null : Math.Round(v.Value, 1);
}

/// <summary>5m and 1h read per-minute rows; 24h and 7d read the hourly rows (24–168 per service).</summary>
public sealed record MetricsWindow(string Name, TimeSpan Length, bool Hourly)
{
    public static readonly IReadOnlyList<MetricsWindow> All =
    [
        new("5m", TimeSpan.FromMinutes(5), false), new("1h", TimeSpan.FromHours(1), false),
        new("24h", TimeSpan.FromHours(24), true), new("7d", TimeSpan.FromDays(7), true),
    ];

    public static MetricsWindow? Parse(string? name) => All.FirstOrDefault(w => w.Name == (name ?? "1h"));

    public DateTimeOffset From(DateTimeOffset now) => Hourly
        ? RollupStore.HourOf(now - Length).AddHours(1)
        : MinuteAggregator.MinuteOf(now - Length).AddMinutes(1);
}
