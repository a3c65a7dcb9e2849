using System.Text.Json;
using Microsoft.Extensions.Options;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>
/// CloudWatch Embedded Metric Format: one JSON line per flushed minute on stdout, which CloudWatch Logs turns into
/// metrics in namespace "AvaOlo" with dimension "Service" — no SDK, no PutMetricData permission. The metrics are the
/// EMF names of the registered <see cref="RolledUpMetric"/>s. The operators' alarms use Http5xx, LatencyP99,
/// DbConnectionErrors and ConstitutionalViolations: keep those names. Lines go to stdout unless a test gives a writer.
/// </summary>
public sealed class EmfWriter(IOptions<TelemetryOptions> options, IEnumerable<RolledUpMetric> declared, TextWriter? output = null)
{
    public const string Namespace = "AvaOlo";
    private static readonly Lock ConsoleGate = new();
    private readonly RolledUpMetric[] _declared = declared.DistinctBy(d => d.Instrument).ToArray();

    public void Write(InstanceMinute minute)
    {
        if (!options.Value.EmfEnabled) return;
        var line = Format(minute, _declared);
        lock (ConsoleGate) (output ?? Console.Out).WriteLine(line);
    }

    /// <summary>The EMF document for one minute. Metrics with no data that minute (e.g. no LLM calls) are omitted.</summary>
    public static string Format(InstanceMinute minute, IReadOnlyList<RolledUpMetric> declared)
    {
        var values = declared.SelectMany(d => d.Emf.Select(e => (e.Name, e.Unit, Value: e.Read(minute.Series(d.Instrument)))))
            .Where(v => v.Value is not null).ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", minute.Minute.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", Namespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            json.WriteStringValue("Service");
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            foreach (var (name, unit, _) in values)
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
            json.WriteString("Service", minute.Service);
            json.WriteString("Instance", minute.Instance);
            foreach (var (name, _, value) in values) json.WriteNumber(name, Math.Round(value!.Value, 2));
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
