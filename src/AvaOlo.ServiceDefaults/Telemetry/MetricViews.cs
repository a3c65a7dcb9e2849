using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>
/// The one view of each pipeline, for every instrument it sees. It bounds each stream: the SDK preallocates a stream's
/// points per reader, 2,000 by default, and with some 60 instruments (ASP.NET Core, Kestrel, System.Runtime, Npgsql,
/// ours) that cost tens of MB on a 0.5 GB instance, while our busiest stream (requests by route, method and status)
/// has a few hundred combinations. It also gives the rolled-up histograms their fixed bucket boundaries. One view,
/// because two views matching one instrument make two streams.
/// </summary>
public static class MetricViews
{
    /// <summary>Distinct tag combinations kept per stream; beyond it the SDK adds to one overflow point.</summary>
    public const int PointsPerStream = 500;

    /// <summary>Every instrument, bounded; the rolled-up histograms with their boundaries (Prometheus).</summary>
    public static Func<Instrument, MetricStreamConfiguration?> All(IEnumerable<RolledUpMetric> rolledUp) => View(rolledUp, dropOthers: false);

    /// <summary>Only the rolled-up instruments; every other stream is dropped, so it is never aggregated (the minutes).</summary>
    public static Func<Instrument, MetricStreamConfiguration?> RolledUpOnly(IEnumerable<RolledUpMetric> rolledUp) => View(rolledUp, dropOthers: true);

    private static Func<Instrument, MetricStreamConfiguration?> View(IEnumerable<RolledUpMetric> rolledUp, bool dropOthers)
    {
        var declared = rolledUp.DistinctBy(m => (m.Meter, m.Instrument)).ToDictionary(m => (m.Meter, m.Instrument));
        return instrument => declared.TryGetValue((instrument.Meter.Name, instrument.Name), out var metric)
            ? metric.Kind == RollupKind.Histogram
                ? new ExplicitBucketHistogramConfiguration { Boundaries = metric.Boundaries, CardinalityLimit = PointsPerStream }
                : new MetricStreamConfiguration { CardinalityLimit = PointsPerStream }
            : dropOthers ? MetricStreamConfiguration.Drop : new MetricStreamConfiguration { CardinalityLimit = PointsPerStream };
    }
}
