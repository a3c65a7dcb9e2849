using System.Diagnostics.Metrics;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>How an instrument's measurements add up in a minute, across instances and into hours.</summary>
public enum RollupKind
{
    /// <summary>A counter: the minute's increments (Count, and Sum alike).</summary>
    Sum,
    /// <summary>A histogram over <see cref="LatencyBuckets"/>: Count, Sum and bucket counts, which merge by adding.</summary>
    Histogram,
    /// <summary>A sampled value: one sample per instance-minute (Count) and their Sum, so averages merge by adding.</summary>
    Gauge,
}

/// <summary>A CloudWatch metric in the per-minute EMF line, read from its metric's minute; null = no data point.</summary>
public sealed record EmfMetric(string Name, string Unit, Func<MetricSeries, double?> Read);

/// <summary>
/// The one declaration of a metric that is rolled up: which OpenTelemetry instrument, how it rolls up into
/// metric_minutes/metric_hours, which single tag it keeps (as the rollup's label), and the CloudWatch EMF metrics
/// read from it. Register it with AddRolledUpMetrics; the minute exporter, the PostgreSQL rollups, the EMF lines and
/// Prometheus (/metrics) then all take it from the same instrument.
/// </summary>
public sealed record RolledUpMetric(string Instrument, RollupKind Kind)
{
    /// <summary>The meter of every instrument of ours, so Prometheus and the exporter find them under one name.</summary>
    public const string MeterName = "AvaOlo";

    /// <summary>The instrument's meter: ours unless it is the framework's (e.g. ASP.NET Core's request duration).</summary>
    public string Meter { get; init; } = MeterName;

    /// <summary>Stored unit per measured unit, e.g. 1000 for a histogram in seconds stored in milliseconds.</summary>
    public double Scale { get; init; } = 1;

    /// <summary>The tag kept as the rollup's label (e.g. the status code as "5xx"); every other tag is added up.</summary>
    public string? LabelTag { get; init; }

    public Func<object?, string> Label { get; init; } = static v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>Also rolled up per route template and status class per hour (metric_route_hours): HTTP requests.</summary>
    public bool PerRoute { get; init; }

    public IReadOnlyList<EmfMetric> Emf { get; init; } = [];

    /// <summary>A histogram's bucket boundaries in its own unit: the <see cref="LatencyBuckets"/> bounds, unscaled.</summary>
    public double[] Boundaries => LatencyBuckets.Bounds.Select(b => b / Scale).ToArray();

    public static Meter CreateMeter() => new(MeterName, AppInfo.Version);
}
