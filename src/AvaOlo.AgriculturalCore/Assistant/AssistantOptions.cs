using System.Globalization;

namespace AvaOlo.AgriculturalCore.Assistant;

/// <summary>
/// The operators' variables OPENAI_API_KEY, OPENAI_MODEL, ENABLE_LLM_FIRST, ENABLE_COUNTRY_LOCALIZATION,
/// ENABLE_CONSTITUTIONAL_CHECKS, plus ours: OPENAI_BASE_URL (any OpenAI-compatible server, e.g. Ollama or vLLM),
/// LLM_TIMEOUT_SECONDS (one model call), LLM_DEADLINE_SECONDS (the whole model path, retries included),
/// SUPPORTED_LANGUAGES (Lingua's languages), SELF_TEST_MAX_LATENCY_MS, and the daily model budgets
/// LLM_DAILY_TOKENS_PER_FARMER and LLM_DAILY_TOKENS_PER_KEY.
/// </summary>
/// <remarks>
/// Bound as the text the operators wrote, and read through the typed properties below with the documented defaults
/// for blanks: so "1"/"0" stay valid flags, and a bad value is one line naming the variable from
/// <see cref="AssistantOptionsValidator"/> at start, never a binder exception.
/// </remarks>
public sealed class AssistantOptions
{
    [ConfigurationKeyName("OPENAI_API_KEY")] public string? OpenAiApiKey { get; set; }
    [ConfigurationKeyName("OPENAI_BASE_URL")] public string? OpenAiBaseUrl { get; set; }
    [ConfigurationKeyName("OPENAI_MODEL")] public string? OpenAiModel { get; set; }
    [ConfigurationKeyName("ENABLE_LLM_FIRST")] public string? EnableLlmFirst { get; set; }
    [ConfigurationKeyName("ENABLE_COUNTRY_LOCALIZATION")] public string? EnableCountryLocalization { get; set; }
    [ConfigurationKeyName("ENABLE_CONSTITUTIONAL_CHECKS")] public string? EnableConstitutionalChecks { get; set; }
    [ConfigurationKeyName("LLM_TIMEOUT_SECONDS")] public string? LlmTimeoutSeconds { get; set; }
    [ConfigurationKeyName("LLM_DEADLINE_SECONDS")] public string? LlmDeadlineSeconds { get; set; }
    [ConfigurationKeyName("SUPPORTED_LANGUAGES")] public string? SupportedLanguages { get; set; }
    [ConfigurationKeyName("SELF_TEST_MAX_LATENCY_MS")] public string? SelfTestMaxLatencyMs { get; set; }
    [ConfigurationKeyName("LLM_DAILY_TOKENS_PER_FARMER")] public string? LlmDailyTokensPerFarmer { get; set; }
    [ConfigurationKeyName("LLM_DAILY_TOKENS_PER_KEY")] public string? LlmDailyTokensPerKey { get; set; }

    public string? ApiKey => OpenAiApiKey is { Length: > 0 } key ? key : null;
    public Uri? BaseUrl => TryBaseUrl(OpenAiBaseUrl, out var url) ? url : null;
    public string Model => OpenAiModel is { Length: > 0 } model ? model : "gpt-4";
    public bool LlmFirst => TryFlag(EnableLlmFirst, out var on) ? on : true;
    public bool CountryLocalization => TryFlag(EnableCountryLocalization, out var on) ? on : true;
    public bool ConstitutionalChecks => TryFlag(EnableConstitutionalChecks, out var on) ? on : true;
    public TimeSpan CallTimeout => TrySeconds(LlmTimeoutSeconds, out var s) && s is { } t ? t : TimeSpan.FromSeconds(15);
    public TimeSpan Deadline => TrySeconds(LlmDeadlineSeconds, out var s) && s is { } t ? t : TimeSpan.FromSeconds(25);
    public int SelfTestMaxLatency => TryPositive(SelfTestMaxLatencyMs, out var ms) && ms is { } v ? v : 10_000;
    /// <summary>Model tokens a farmer (or an unknown phone) may use per UTC day; 0 = no limit. About 50 questions.</summary>
    public long DailyTokensPerFarmer => TryTokens(LlmDailyTokensPerFarmer, out var n) && n is { } v ? v : 100_000;
    /// <summary>Model tokens an integration key may use per UTC day over all the farmers it asks for; 0 = no limit.</summary>
    public long DailyTokensPerKey => TryTokens(LlmDailyTokensPerKey, out var n) && n is { } v ? v : 5_000_000;

    /// <summary>A model is configured when there is a key (OpenAI) or a base URL (a local server needs no key).</summary>
    public bool ModelConfigured => ApiKey is not null || BaseUrl is not null;

    public bool UseModel => LlmFirst && ModelConfigured;

    /// <summary>Never the key itself: for logs and the admin page.</summary>
    public override string ToString() =>
        $"model={Model} base_url={BaseUrl?.ToString() ?? "(OpenAI)"} key={(ApiKey is null ? "unset" : "set")} llm_first={LlmFirst}";

    /// <summary>Blank is the default (true); otherwise true/false in any case, or 1/0.</summary>
    internal static bool TryFlag(string? raw, out bool value)
    {
        value = true;
        if (string.IsNullOrWhiteSpace(raw)) return false;
        if (bool.TryParse(raw, out value)) return true;
        value = raw == "1";
        return raw is "1" or "0";
    }

    /// <summary>Blank is the default (null); otherwise a number of seconds above 0 and at most 600.</summary>
    internal static bool TrySeconds(string? raw, out TimeSpan? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(raw)) return true;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || s is not (> 0 and <= 600)) return false;
        value = TimeSpan.FromSeconds(s);
        return true;
    }

    /// <summary>Blank is the default (null); otherwise a whole number above 0.</summary>
    internal static bool TryPositive(string? raw, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(raw)) return true;
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n <= 0) return false;
        value = n;
        return true;
    }

    /// <summary>Blank is the default (null); otherwise a whole number of tokens, 0 or more.</summary>
    internal static bool TryTokens(string? raw, out long? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(raw)) return true;
        if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 0) return false;
        value = n;
        return true;
    }

    /// <summary>Blank is no base URL; otherwise an absolute http(s) URL.</summary>
    internal static bool TryBaseUrl(string? raw, out Uri? url)
    {
        url = null;
        return raw is { Length: > 0 } && Uri.TryCreate(raw, UriKind.Absolute, out url) && url.Scheme is "http" or "https";
    }
}
