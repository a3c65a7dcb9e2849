namespace AvaOlo.MonitoringDashboards.Pages.Admin;

/// <summary>The settings this service runs with, as the admin page lists them: secrets only as "set" or "not set".</summary>
public static class EffectiveConfiguration
{
    private static readonly string[] Plain =
    [
        "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_SSL_MODE", "DB_POOL_SIZE", "DB_COMMAND_TIMEOUT_SECONDS", "OPENAI_MODEL", "OPENAI_BASE_URL",
        "ENABLE_LLM_FIRST", "ENABLE_COUNTRY_LOCALIZATION", "ENABLE_CONSTITUTIONAL_CHECKS", "AWS_REGION", "AWS_DEFAULT_REGION", "PORT",
        "AGRICULTURAL_CORE_URL", "INSTANCE_ID", "METRICS_RETENTION_DAYS", "METRICS_EMF", "LOG_FORMAT",
        "ALARM_HTTP_5XX_PER_MINUTE", "ALARM_P99_MS", "ALARM_DB_ERRORS_PER_5_MINUTES", "ALARM_VIOLATIONS_PER_MINUTE", "LLM_PRICE_PER_1K_TOKENS",
        "ASPNETCORE_ENVIRONMENT", "SHUTDOWN_DRAIN_SECONDS",
    ];

    /// <summary>Values that are or may contain credentials (a Redis URL or webhook URL can carry a password or token).</summary>
    private static readonly string[] Secret = ["DB_PASSWORD", "OPENAI_API_KEY", "REDIS_URL", "ALARM_WEBHOOK_URL", "PROMETHEUS_SCRAPE_TOKEN"];

    public static IReadOnlyList<(string Name, string Value)> Read(Func<string, string?> get) =>
        Plain.Select(k => (k, get(k) is { Length: > 0 } v ? v : "(default)"))
            .Concat(Secret.Select(k => (k, string.IsNullOrEmpty(get(k)) ? "not set" : "set (hidden)")))
            .OrderBy(x => x.Item1, StringComparer.Ordinal).ToList();
}
