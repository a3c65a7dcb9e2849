using System.Diagnostics.Metrics;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>
/// The custom metrics the assistant reports. Call these from anywhere: they cost a few nanoseconds, never touch
/// the database and never throw. They go to Prometheus (/metrics), to the per-minute rollups in PostgreSQL and to
/// the CloudWatch EMF lines on stdout.
/// </summary>
public static class AvaOloMetrics
{
    public const string MeterName = "AvaOlo";
    internal const string ViolationsName = "avaolo.constitutional_violations";
    internal const string LlmLatencyName = "avaolo.llm.query.duration";
    internal const string DbQueryName = "avaolo.db.query.duration";
    internal const string LocalizationName = "avaolo.localization.answers";
    internal const string DbConnectionErrorsName = "avaolo.db.connection_errors";

    private static readonly Meter Meter = new(MeterName, AppInfo.Version);
    private static readonly Counter<long> Violations = Meter.CreateCounter<long>(ViolationsName, description: "Answers that failed a constitutional check");
    private static readonly Histogram<double> LlmLatency = Meter.CreateHistogram<double>(LlmLatencyName, "ms", "Language model call latency");
    private static readonly Histogram<double> DbQuery = Meter.CreateHistogram<double>(DbQueryName, "ms", "Database time spent answering a query");
    private static readonly Counter<long> Localization = Meter.CreateCounter<long>(LocalizationName, description: "Answers, tagged by whether they were in the expected language");
    private static readonly Counter<long> DbConnectionErrors = Meter.CreateCounter<long>(DbConnectionErrorsName, description: "Failed attempts to reach the database");

    static AvaOloMetrics()
    {
        Meter.CreateObservableGauge("avaolo.process.cpu_percent", () => ProcessSampler.Shared.Latest.CpuPercent, "%");
        Meter.CreateObservableGauge("avaolo.process.memory_mb", () => ProcessSampler.Shared.Latest.MemoryMb, "MB");
        Meter.CreateObservableGauge("avaolo.disk.used_percent", () => ProcessSampler.Shared.Latest.DiskUsedPercent ?? 0, "%");
    }

    /// <summary>An answer failed a constitutional check (type e.g. "mango_rule", "privacy", "language").</summary>
    public static void RecordConstitutionalViolation(string type) => Violations.Add(1, new KeyValuePair<string, object?>("type", type));

    /// <summary>One call to the language model: its latency and whether it succeeded.</summary>
    public static void RecordLlmQuery(double latencyMs, bool success) => LlmLatency.Record(latencyMs, new KeyValuePair<string, object?>("success", success));

    /// <summary>An answer was delivered; matched = it was in the language the farmer should get.</summary>
    public static void RecordLocalization(bool matched) => Localization.Add(1, new KeyValuePair<string, object?>("matched", matched));

    /// <summary>Database time spent for one query (farmer context, tools).</summary>
    public static void RecordDatabaseQueryTime(double milliseconds) => DbQuery.Record(milliseconds);

    /// <summary>The database could not be reached (drives the "more than 5 in 5 minutes" alarm).</summary>
    public static void RecordDatabaseConnectionError() => DbConnectionErrors.Add(1);
}
