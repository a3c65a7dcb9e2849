using System.Text.Json.Serialization;
using AvaOlo.Data.Hosting;
using AvaOlo.ServiceDefaults.Telemetry;

namespace AvaOlo.MonitoringDashboards.Monitoring;

/// <summary>
/// One rollup row as the dashboards read it: a metric and label in a minute of one instance, or in an hour of one
/// service (all instances; Instance is null).
/// </summary>
public sealed record MetricRow(DateTimeOffset At, string Service, string? Instance, MetricRollup Rollup);

/// <summary>
/// The metrics the figures are read from. Those of the assistant are declared in the core (AvaOloMetrics), which the
/// dashboards do not reference: the instrument names are repeated here, as a Prometheus query would name them.
/// </summary>
public static class MetricNames
{
    public static readonly string Requests = HttpMetrics.Requests.Instrument;
    public static readonly string ActiveRequestsPeak = HttpMetrics.ActiveRequestsPeak.Instrument;
    public static readonly string Cpu = ProcessMetrics.Cpu.Instrument;
    public static readonly string Memory = ProcessMetrics.Memory.Instrument;
    public static readonly string DbConnectionErrors = DatabaseMetrics.ConnectionErrors.Instrument;
    public static readonly string DbQueryTime = DatabaseMetrics.QueryTime.Instrument;
    public const string Violations = "avaolo.constitutional_violations";
    public const string LlmLatency = "avaolo.llm.query.duration";
    public const string Localization = "avaolo.localization.answers";
    public static readonly string WhatsAppSendFailures = ChannelMetrics.SendFailures.Instrument;
}

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
    public static MetricSeries Series(IEnumerable<MetricRow> rows, string metric) => MetricSeries.Of(rows.Select(r => r.Rollup).Where(r => r.Metric == metric));

    public static MetricPoint Point(DateTimeOffset t, IReadOnlyList<MetricRow> rows, double activeDivisor)
    {
        var http = Series(rows, MetricNames.Requests);
        return new(t, http.Count, http.CountOf("4xx"), http.CountOf("5xx"),
            Round(http.Percentile(0.50)), Round(http.Percentile(0.90)), Round(http.Percentile(0.99)),
            Math.Round(Series(rows, MetricNames.ActiveRequestsPeak).Sum / Math.Max(1, activeDivisor), 1),
            Round(Series(rows, MetricNames.Cpu).Mean), Round(Series(rows, MetricNames.Memory).Mean),
            Series(rows, MetricNames.Violations).Count, Series(rows, MetricNames.DbConnectionErrors).Count);
    }

    public static MetricsSummary Summarise(MetricsWindow window, string? service, DateTimeOffset now, IReadOnlyList<string> services,
        IReadOnlyList<MetricRow> rows, IReadOnlyList<RouteFigure> routes)
    {
        var from = window.From(now);
        // Hour rows sum every instance-minute of the hour: divide by the minutes the hour has run so far.
        var series = rows.GroupBy(r => r.At).OrderBy(g => g.Key)
            .Select(g => Point(g.Key, g.ToList(), window.Hourly ? Math.Clamp((now - g.Key).TotalMinutes, 1, 60) : 1)).ToList();
        var all = Point(now, rows, 1);
        var llm = Series(rows, MetricNames.LlmLatency);
        var minutes = window.Length.TotalMinutes;
        return new(window.Name, service, from, now, services, all.Requests, Math.Round(all.Requests / minutes, 2),
            all.P50Ms, all.P90Ms, all.P99Ms, all.Http4xx, all.Http5xx, series.Count == 0 ? 0 : series[^1].ActiveConnections,
            all.CpuPercent, all.MemoryMb, window.Hourly ? null : rows.Select(r => (r.Service, r.Instance)).Distinct().Count(),
            all.DbConnectionErrors, all.ConstitutionalViolations, llm.Count, llm.CountOf("failed"),
            Round(llm.Mean), Round(llm.Percentile(0.99)), Round(Series(rows, MetricNames.DbQueryTime).Mean),
            Round(Series(rows, MetricNames.Localization).Share("matched")), series, routes);
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
        ? Minutes.HourOf(now - Length).AddHours(1)
        : Minutes.Of(now - Length).AddMinutes(1);
}
