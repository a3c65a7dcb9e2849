using System.Text.Json;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>
/// CloudWatch Embedded Metric Format: one JSON line per flushed minute on stdout, which CloudWatch Logs turns into
/// metrics in namespace "AvaOlo" with dimension "Service" — no SDK, no PutMetricData permission. The operators'
/// alarms use Http5xx, LatencyP99, DbConnectionErrors and ConstitutionalViolations: keep those names.
/// </summary>
public sealed class EmfWriter(TelemetryOptions options)
{
    public const string Namespace = "AvaOlo";
    private static readonly Lock ConsoleGate = new();

    private static readonly (string Name, string Unit)[] Definitions =
    [
        ("Requests", "Count"), ("Http4xx", "Count"), ("Http5xx", "Count"),
        ("LatencyP50", "Milliseconds"), ("LatencyP90", "Milliseconds"), ("LatencyP99", "Milliseconds"),
        ("ActiveConnections", "Count"), ("CpuPercent", "Percent"), ("MemoryMB", "Megabytes"), ("DiskUsedPercent", "Percent"),
        ("DbConnectionErrors", "Count"), ("ConstitutionalViolations", "Count"), ("LLMQueryLatency", "Milliseconds"),
        ("DatabaseQueryTime", "Milliseconds"), ("LocalizationAccuracy", "Percent"),
    ];

    public void Write(FlushedMinute minute)
    {
        if (!options.EmfEnabled) return;
        var line = Format(minute);
        lock (ConsoleGate) Console.Out.WriteLine(line);
    }

    /// <summary>The EMF document for one minute. Metrics with no data that minute (e.g. no LLM calls) are omitted.</summary>
    public static string Format(FlushedMinute minute)
    {
        var m = minute.Totals;
        var values = new Dictionary<string, double?>
        {
            ["Requests"] = m.Requests, ["Http4xx"] = m.Http4xx, ["Http5xx"] = m.Http5xx,
            ["LatencyP50"] = LatencyBuckets.Percentile(m.LatencyBuckets, 0.50),
            ["LatencyP90"] = LatencyBuckets.Percentile(m.LatencyBuckets, 0.90),
            ["LatencyP99"] = LatencyBuckets.Percentile(m.LatencyBuckets, 0.99),
            ["ActiveConnections"] = m.ActiveConnections, ["CpuPercent"] = m.CpuPercent, ["MemoryMB"] = m.MemoryMb,
            ["DiskUsedPercent"] = m.DiskUsedPercent, ["DbConnectionErrors"] = m.DbConnectionErrors,
            ["ConstitutionalViolations"] = m.ConstitutionalViolations,
            ["LLMQueryLatency"] = m.LlmQueries == 0 ? null : m.LlmLatencySumMs / m.LlmQueries,
            ["DatabaseQueryTime"] = m.DbQueries == 0 ? null : m.DbQuerySumMs / m.DbQueries,
            ["LocalizationAccuracy"] = m.LocalizationTotal == 0 ? null : 100.0 * m.LocalizationMatched / m.LocalizationTotal,
        };
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", m.Minute.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", Namespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            json.WriteStringValue("Service");
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            foreach (var (name, unit) in Definitions.Where(d => values[d.Name] is not null))
            {
                json.WriteStartObject();
                json.WriteString("Name", name);
                json.WriteString("Unit", unit);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("Service", m.Service);
            json.WriteString("Instance", m.Instance);
            foreach (var (name, _) in Definitions)
                if (values[name] is { } v) json.WriteNumber(name, Math.Round(v, 2));
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
