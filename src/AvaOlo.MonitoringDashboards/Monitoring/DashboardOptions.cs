namespace AvaOlo.MonitoringDashboards.Monitoring;

/// <summary>
/// The dashboards' own settings: where the core is (AGRICULTURAL_CORE_URL), where alarm changes are posted
/// (ALARM_WEBHOOK_URL), the model price for the cost estimate (LLM_PRICE_PER_1K_TOKENS, USD, default 0.03) and the Redis the core uses (REDIS_URL, probed on /api/health).
/// </summary>
public sealed class DashboardOptions
{
    [ConfigurationKeyName("AGRICULTURAL_CORE_URL")] public string? CoreUrl { get; set; }
    [ConfigurationKeyName("ALARM_WEBHOOK_URL")] public string? AlarmWebhookUrl { get; set; }
    [ConfigurationKeyName("LLM_PRICE_PER_1K_TOKENS")] public decimal PricePer1kTokens { get; set; } = 0.03m;
    [ConfigurationKeyName("REDIS_URL")] public string? RedisUrl { get; set; }

    public Uri? Core => Url(CoreUrl);
    public Uri? AlarmWebhook => Url(AlarmWebhookUrl);

    /// <summary>Estimated model cost of <paramref name="tokens"/> tokens.</summary>
    public decimal Cost(long tokens) => Math.Round(tokens / 1000m * PricePer1kTokens, 2);

    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrWhiteSpace(CoreUrl) && Core is null) yield return "AGRICULTURAL_CORE_URL must be an http(s) URL such as http://127.0.0.1:8080";
        if (!string.IsNullOrWhiteSpace(AlarmWebhookUrl) && AlarmWebhook is null) yield return "ALARM_WEBHOOK_URL must be an http(s) URL";
        if (PricePer1kTokens < 0) yield return "LLM_PRICE_PER_1K_TOKENS must be a number, 0 or more";
    }

    private static Uri? Url(string? raw) =>
        Uri.TryCreate(raw?.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
}
