using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>
/// The minute reader on a MeterProvider of its own that listens only to the rolled-up instruments. A reader on the
/// Prometheus provider would aggregate every stream there (Kestrel, the runtime, Npgsql…) a second time, in memory
/// and per measurement, only for the exporter to skip it; views cannot differ per reader, so they differ per provider.
/// </summary>
public sealed class MinutePipeline : IDisposable
{
    private readonly MinuteReader _reader;
    private readonly MeterProvider _provider;

    public MinutePipeline(MinuteExporter exporter, IEnumerable<RolledUpMetric> declared)
    {
        var metrics = declared.ToList();
        _reader = new MinuteReader(exporter);
        _provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter([.. metrics.Select(m => m.Meter).Distinct()])
            .AddView(MetricViews.RolledUpOnly(metrics))
            .AddReader(_reader)
            .Build();
    }

    /// <summary>Collects what happened since the previous collection; the exporter turns it into a minute.</summary>
    public bool Collect() => _reader.Collect();

    public void Dispose() => _provider.Dispose();
}
