namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>What one metric and label added up to: measurements (or samples), their sum, and histogram counts.</summary>
public sealed record Rollup(long Count, double Sum, long[]? Buckets)
{
    public static Rollup operator +(Rollup a, Rollup b) =>
        new(a.Count + b.Count, a.Sum + b.Sum, a.Buckets is null && b.Buckets is null ? null : LatencyBuckets.Merge([a.Buckets, b.Buckets]));
}

/// <summary>One row of the rollups: a metric, its label ("" when it keeps no tag) and what it added up to.</summary>
public sealed record MetricRollup(string Metric, string Label, Rollup Value);

/// <summary>Requests of one route template and status class.</summary>
public sealed record RouteRollup(string Route, string StatusClass, long Requests, double LatencySumMs, long[] LatencyBuckets);

/// <summary>One minute of one instance, as the exporter made it from the OpenTelemetry instruments.</summary>
public sealed record InstanceMinute(DateTimeOffset Minute, string Service, string Instance, IReadOnlyList<MetricRollup> Metrics, IReadOnlyList<RouteRollup> Routes)
{
    public MetricSeries Series(string metric) => MetricSeries.Of(Metrics.Where(m => m.Metric == metric));
}

/// <summary>
/// One metric's rollups (one minute of an instance, or any merge of minutes, hours and instances), with the readings
/// every consumer uses: EMF lines, /api/metrics, the pages and the alarms.
/// </summary>
public sealed class MetricSeries
{
    public static readonly MetricSeries Empty = new(new Dictionary<string, Rollup>());
    private readonly IReadOnlyDictionary<string, Rollup> _byLabel;

    private MetricSeries(IReadOnlyDictionary<string, Rollup> byLabel) => _byLabel = byLabel;

    public static MetricSeries Of(IEnumerable<MetricRollup> rows)
    {
        var byLabel = new Dictionary<string, Rollup>();
        foreach (var row in rows) byLabel[row.Label] = byLabel.TryGetValue(row.Label, out var r) ? r + row.Value : row.Value;
        return new(byLabel);
    }

    /// <summary>Measurements (or samples) over every label.</summary>
    public long Count => _byLabel.Values.Sum(r => r.Count);

    public double Sum => _byLabel.Values.Sum(r => r.Sum);

    public long CountOf(string label) => _byLabel.TryGetValue(label, out var r) ? r.Count : 0;

    /// <summary>The average measurement or sample; null without data.</summary>
    public double? Mean => Count == 0 ? null : Sum / Count;

    /// <summary>Percentage of the measurements that carry <paramref name="label"/>; null without data.</summary>
    public double? Share(string label) => Count == 0 ? null : 100.0 * CountOf(label) / Count;

    public long[] Buckets => LatencyBuckets.Merge(_byLabel.Values.Select(r => r.Buckets));

    public double? Percentile(double q) => LatencyBuckets.Percentile(Buckets, q);
}
