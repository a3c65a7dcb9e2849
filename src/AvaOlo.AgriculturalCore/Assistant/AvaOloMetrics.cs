using System.Diagnostics.Metrics;
using AvaOlo.ServiceDefaults.Telemetry;

// The root namespace of the core, so the assistant's code reaches these from any of its folders without a using.
namespace AvaOlo.AgriculturalCore;

/// <summary>
/// The assistant's metrics, each declared once: its instrument, its rollup and its CloudWatch EMF names. Call these
/// from anywhere: they cost a few nanoseconds, never touch the database and never throw. They reach Prometheus
/// (/metrics), the per-minute rollups in PostgreSQL and the EMF lines on stdout through the telemetry pipeline.
/// </summary>
public static class AvaOloMetrics
{
    private static readonly Meter Meter = RolledUpMetric.CreateMeter();

    /// <summary>Answers that failed a constitutional check (the "any violation" alarm).</summary>
    public static readonly RolledUpMetric Violations = new("avaolo.constitutional_violations", RollupKind.Sum)
    {
        Emf = [new("ConstitutionalViolations", "Count", s => s.Count)],
    };

    /// <summary>Language model calls: latency, labelled "ok" or "failed".</summary>
    public static readonly RolledUpMetric LlmLatency = new("avaolo.llm.query.duration", RollupKind.Histogram)
    {
        LabelTag = "success", Label = v => v is true ? "ok" : "failed",
        Emf = [new("LLMQueryLatency", "Milliseconds", s => s.Mean)],
    };

    /// <summary>Answers delivered, labelled "matched" when in the language the farmer should get.</summary>
    public static readonly RolledUpMetric Localization = new("avaolo.localization.answers", RollupKind.Sum)
    {
        LabelTag = "matched", Label = v => v is true ? "matched" : "missed",
        Emf = [new("LocalizationAccuracy", "Percent", s => s.Share("matched"))],
    };

    public static readonly RolledUpMetric[] All = [Violations, LlmLatency, Localization];

    private static readonly Counter<long> ViolationCount = Meter.CreateCounter<long>(Violations.Instrument, description: "Answers that failed a constitutional check");
    private static readonly Histogram<double> LlmLatencyMs = Meter.CreateHistogram<double>(LlmLatency.Instrument, "ms", "Language model call latency");
    private static readonly Counter<long> LocalizationCount = Meter.CreateCounter<long>(Localization.Instrument, description: "Answers, tagged by whether they were in the expected language");

    /// <summary>An answer failed a constitutional check (type e.g. "mango_rule", "privacy", "language").</summary>
    public static void RecordConstitutionalViolation(string type) => ViolationCount.Add(1, new KeyValuePair<string, object?>("type", type));

    /// <summary>One call to the language model: its latency and whether it succeeded.</summary>
    public static void RecordLlmQuery(double latencyMs, bool success) => LlmLatencyMs.Record(latencyMs, new KeyValuePair<string, object?>("success", success));

    /// <summary>An answer was delivered; matched = it was in the language the farmer should get.</summary>
    public static void RecordLocalization(bool matched) => LocalizationCount.Add(1, new KeyValuePair<string, object?>("matched", matched));
}
