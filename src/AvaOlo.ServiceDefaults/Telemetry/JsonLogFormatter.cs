using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace AvaOlo.ServiceDefaults.Telemetry;

public sealed class JsonLogFormatterOptions : ConsoleFormatterOptions
{
    public string Service { get; set; } = "";
    public string Instance { get; set; } = "";
}

/// <summary>
/// One JSON object per line, with message parameters and scope values (farmer_id, language, country_code…) as
/// top-level fields, so "queries from Hungarian speakers in Croatia per hour" is one CloudWatch Logs Insights
/// query. Fields whose name suggests a secret are written as "[redacted]".
/// </summary>
public sealed class JsonLogFormatter(IOptionsMonitor<JsonLogFormatterOptions> options) : ConsoleFormatter(Name)
{
    public new const string Name = "avaolo-json";

    public override void Write<TState>(in LogEntry<TState> entry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = entry.Formatter(entry.State, entry.Exception);
        if (message is null && entry.Exception is null) return;
        var o = options.CurrentValue;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("level", entry.LogLevel.ToString());
            json.WriteString("service", o.Service);
            json.WriteString("instance", o.Instance);
            json.WriteString("category", entry.Category);
            json.WriteString("message", message);
            if (entry.EventId.Id != 0) json.WriteNumber("event_id", entry.EventId.Id);
            if (entry.Exception is not null) json.WriteString("exception", entry.Exception.ToString());
            var written = new HashSet<string>(StringComparer.Ordinal) { "timestamp", "level", "service", "instance", "category", "message", "event_id", "exception" };
            if (entry.State is IEnumerable<KeyValuePair<string, object?>> state) WriteFields(json, state, written);
            scopeProvider?.ForEachScope((scope, w) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> values) WriteFields(w, values, written);
            }, json);
            json.WriteEndObject();
        }
        textWriter.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        textWriter.Write('\n');
    }

    private static void WriteFields(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> values, HashSet<string> written)
    {
        foreach (var (key, value) in values)
        {
            if (key.StartsWith('{') || !written.Add(key)) continue;
            if (IsSecretName(key)) { json.WriteString(key, "[redacted]"); continue; }
            switch (value)
            {
                case null: json.WriteNull(key); break;
                case bool b: json.WriteBoolean(key, b); break;
                case int or long or short or byte: json.WriteNumber(key, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
                case double or float or decimal: json.WriteNumber(key, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)); break;
                default: json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            }
        }
    }

    public static bool IsSecretName(string key)
    {
        var k = key.ToLowerInvariant();
        return k.Contains("password", StringComparison.Ordinal) || k.Contains("secret", StringComparison.Ordinal)
            || k.Contains("token", StringComparison.Ordinal) || k.Contains("api_key", StringComparison.Ordinal)
            || k.Contains("apikey", StringComparison.Ordinal) || k.Contains("authorization", StringComparison.Ordinal);
    }
}

/// <summary>The logging scope the query pipeline opens around one farmer's question.</summary>
public static class FarmerLogScope
{
    /// <summary>
    /// Every log line written inside the scope carries farmer_id, language and country_code (as top-level JSON
    /// fields). Never put names, phone numbers or message text here.
    /// </summary>
    public static IDisposable? BeginFarmerScope(this ILogger logger, int? farmerId, string? language, string? countryCode) =>
        logger.BeginScope(new Dictionary<string, object?>
        {
            ["farmer_id"] = farmerId, ["language"] = language, ["country_code"] = countryCode,
        });
}
