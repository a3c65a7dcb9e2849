using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>
/// INSTANCE_ID (default host name + process id), METRICS_RETENTION_DAYS (default 30), METRICS_EMF (default true:
/// CloudWatch EMF lines on stdout), LOG_FORMAT (json | text; default json outside Development),
/// PROMETHEUS_SCRAPE_TOKEN (when set, /metrics needs "Authorization: Bearer &lt;token&gt;"), AVAOLO_BACKGROUND_JOBS.
/// </summary>
public sealed class TelemetryOptions
{
    public static readonly string DefaultInstanceId = $"{Environment.MachineName}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";
    private string? _instanceId;
    private string? _scrapeToken;

    /// <summary>The service's name, set by AddAvaOloTelemetry (not a setting).</summary>
    public string Service { get; internal set; } = "";

    [ConfigurationKeyName("INSTANCE_ID")]
    public string InstanceId { get => InstanceIdOrDefault(_instanceId); set => _instanceId = value; }

    [ConfigurationKeyName("METRICS_RETENTION_DAYS")] public int RetentionDays { get; set; } = 30;
    [ConfigurationKeyName("METRICS_EMF")] public bool EmfEnabled { get; set; } = true;
    [ConfigurationKeyName("LOG_FORMAT")] public string? LogFormat { get; set; }

    [ConfigurationKeyName("PROMETHEUS_SCRAPE_TOKEN")]
    public string? ScrapeToken { get => string.IsNullOrWhiteSpace(_scrapeToken) ? null : _scrapeToken; set => _scrapeToken = value; }

    /// <summary>AVAOLO_BACKGROUND_JOBS=false stops the timed loops (tests flush and evaluate on demand instead).</summary>
    [ConfigurationKeyName("AVAOLO_BACKGROUND_JOBS")] public bool BackgroundJobs { get; set; } = true;

    public IEnumerable<string> Validate()
    {
        if (RetentionDays is < 1 or > 3650) yield return "METRICS_RETENTION_DAYS must be a whole number of days between 1 and 3650";
        if (LogFormat?.Trim().ToLowerInvariant() is not (null or "" or "json" or "text")) yield return "LOG_FORMAT must be json or text";
        if (InstanceId.Length > 128) yield return "INSTANCE_ID must be at most 128 characters";
    }

    /// <summary>
    /// JSON log lines unless LOG_FORMAT=text (or unset in Development). Read straight from configuration: logging is
    /// set up before any options exist, and must work while a bad setting is being reported.
    /// </summary>
    public static bool JsonLogs(string? logFormat, bool isDevelopment) =>
        logFormat?.Trim().ToLowerInvariant() switch { "json" => true, null or "" => !isDevelopment, _ => false };

    public static string InstanceIdOrDefault(string? raw) => string.IsNullOrWhiteSpace(raw) ? DefaultInstanceId : raw.Trim();
}
