using System.Globalization;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>
/// INSTANCE_ID (default host name + process id), METRICS_RETENTION_DAYS (default 30), METRICS_EMF (default true:
/// CloudWatch EMF lines on stdout), LOG_FORMAT (json | text; default json outside Development),
/// PROMETHEUS_SCRAPE_TOKEN (when set, /metrics needs "Authorization: Bearer &lt;token&gt;").
/// </summary>
public sealed record TelemetryOptions
{
    public required string Service { get; init; }
    public required string InstanceId { get; init; }
    public int RetentionDays { get; init; } = 30;
    public bool EmfEnabled { get; init; } = true;
    public string? LogFormat { get; init; }
    public string? ScrapeToken { get; init; }
    /// <summary>AVAOLO_BACKGROUND_JOBS=false stops the timed loops (tests flush and evaluate on demand instead).</summary>
    public bool BackgroundJobs { get; init; } = true;

    public static TelemetryOptions FromConfiguration(string service, Func<string, string?> get)
    {
        var retention = get("METRICS_RETENTION_DAYS");
        var instance = get("INSTANCE_ID");
        return new()
        {
            Service = service,
            InstanceId = string.IsNullOrWhiteSpace(instance)
                ? $"{Environment.MachineName}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}" : instance.Trim(),
            RetentionDays = retention is null ? 30 : int.TryParse(retention, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : -1,
            EmfEnabled = !string.Equals(get("METRICS_EMF"), "false", StringComparison.OrdinalIgnoreCase),
            BackgroundJobs = !string.Equals(get("AVAOLO_BACKGROUND_JOBS"), "false", StringComparison.OrdinalIgnoreCase),
            LogFormat = get("LOG_FORMAT")?.Trim().ToLowerInvariant(),
            ScrapeToken = string.IsNullOrWhiteSpace(get("PROMETHEUS_SCRAPE_TOKEN")) ? null : get("PROMETHEUS_SCRAPE_TOKEN"),
        };
    }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (RetentionDays is < 1 or > 3650) errors.Add("METRICS_RETENTION_DAYS must be a whole number of days between 1 and 3650");
        if (LogFormat is not (null or "" or "json" or "text")) errors.Add("LOG_FORMAT must be json or text");
        if (InstanceId.Length > 128) errors.Add("INSTANCE_ID must be at most 128 characters");
        return errors;
    }
}
