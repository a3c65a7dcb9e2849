using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>
/// The OpenTelemetry reader of the rollups: pull mode (the flusher collects at each minute boundary) and delta
/// temporality, so each collection holds exactly what happened since the previous one. It sits on its own
/// MeterProvider (<see cref="MinutePipeline"/>); the Prometheus reader stays cumulative on the hosted one.
/// </summary>
public sealed class MinuteReader : BaseExportingMetricReader
{
    public MinuteReader(MinuteExporter exporter) : base(exporter) => TemporalityPreference = MetricReaderTemporalityPreference.Delta;
}

/// <summary>
/// Turns one collection of the declared instruments into this instance's minute (<see cref="InstanceMinute"/>) and
/// keeps it until the flusher takes it. Undeclared instruments (Kestrel, the runtime, Npgsql…) are for Prometheus only:
/// the pipeline's view drops them, and the exporter skips any that reach it.
/// A collection with nothing but gauges in it (no request, no event) is no minute worth reporting.
/// </summary>
public sealed class MinuteExporter(IEnumerable<RolledUpMetric> declared, IOptions<TelemetryOptions> options) : BaseExporter<Metric>
{
    public const int MaxRoutesPerMinute = 200;
    public const string OtherRoutes = "(other)";
    public const string Unmatched = "(unmatched)";

    private readonly Dictionary<string, RolledUpMetric> _declared = declared.DistinctBy(d => d.Instrument).ToDictionary(d => d.Instrument);
    private readonly Lock _gate = new();
    private readonly List<InstanceMinute> _exported = [];

    public override ExportResult Export(in Batch<Metric> batch)
    {
        var minute = new MinuteBuilder();
        foreach (var metric in batch)
        {
            if (!_declared.TryGetValue(metric.Name, out var d)) continue;
            foreach (ref readonly var point in metric.GetMetricPoints()) minute.Add(d, metric.MetricType, in point);
        }
        var o = options.Value;
        if (minute.Build(o.Service, o.InstanceId, d => _declared[d].Kind) is { } built)
            lock (_gate) _exported.Add(built);
        return ExportResult.Success;
    }

    /// <summary>The minutes exported since the last call.</summary>
    public IReadOnlyList<InstanceMinute> Take()
    {
        lock (_gate)
        {
            var taken = _exported.ToList();
            _exported.Clear();
            return taken;
        }
    }

    private sealed class MinuteBuilder
    {
        private readonly Dictionary<(string Metric, string Label), Rollup> _metrics = [];
        private readonly Dictionary<(string Route, string Class), Rollup> _routes = [];
        private DateTimeOffset? _start;

        public void Add(RolledUpMetric d, MetricType type, in MetricPoint point)
        {
            if (_start is null || point.StartTime < _start) _start = point.StartTime;
            string? label = null, route = null;
            foreach (var tag in point.Tags)
            {
                if (tag.Key == d.LabelTag) label = d.Label(tag.Value);
                else if (d.PerRoute && tag.Key == "http.route") route = tag.Value as string;
            }
            var value = Value(d, type, in point);
            var key = (d.Instrument, label ?? "");
            _metrics[key] = _metrics.TryGetValue(key, out var r) ? r + value : value;
            if (!d.PerRoute) return;
            var routeKey = (Truncate(route) ?? Unmatched, label ?? "");
            if (!_routes.ContainsKey(routeKey) && _routes.Count >= MaxRoutesPerMinute) routeKey = (OtherRoutes, routeKey.Item2); // bounded memory
            _routes[routeKey] = _routes.TryGetValue(routeKey, out var rr) ? rr + value : value;
        }

        public InstanceMinute? Build(string service, string instance, Func<string, RollupKind> kind)
        {
            if (_start is null || _metrics.Keys.All(k => kind(k.Metric) == RollupKind.Gauge)) return null;
            return new(Minutes.Of(_start.Value), service, instance,
                _metrics.Select(m => new MetricRollup(m.Key.Metric, m.Key.Label, m.Value)).ToList(),
                _routes.Select(r => new RouteRollup(r.Key.Route, r.Key.Class, r.Value.Count, r.Value.Sum, r.Value.Buckets ?? LatencyBuckets.Empty())).ToList());
        }

        private static Rollup Value(RolledUpMetric d, MetricType type, in MetricPoint point)
        {
            switch (type)
            {
                case MetricType.Histogram:
                    var buckets = LatencyBuckets.Empty();
                    foreach (var b in point.GetHistogramBuckets())
                        buckets[double.IsPositiveInfinity(b.ExplicitBound) ? buckets.Length - 1 : LatencyBuckets.IndexOf(b.ExplicitBound * d.Scale)] += b.BucketCount;
                    return new(point.GetHistogramCount(), point.GetHistogramSum() * d.Scale, buckets);
                case MetricType.LongSum:
                    return new(point.GetSumLong(), point.GetSumLong() * d.Scale, null);
                case MetricType.DoubleSum:
                    return new((long)point.GetSumDouble(), point.GetSumDouble() * d.Scale, null);
                case MetricType.LongGauge:
                    return new(1, point.GetGaugeLastValueLong() * d.Scale, null);
                case MetricType.DoubleGauge:
                    return new(1, point.GetGaugeLastValueDouble() * d.Scale, null);
                case MetricType.LongSumNonMonotonic:
                    return new(1, point.GetSumLong() * d.Scale, null);
                case MetricType.DoubleSumNonMonotonic:
                    return new(1, point.GetSumDouble() * d.Scale, null);
                default:
                    throw new NotSupportedException($"{d.Instrument}: {type} cannot be rolled up");
            }
        }

        private static string? Truncate(string? s) => s is null ? null : s.Length <= 200 ? s : s[..200];
    }
}
