using System.Globalization;

namespace AvaOlo.AgriculturalCore.Assistant;

/// <summary>
/// The operators' variables OPENAI_API_KEY, OPENAI_MODEL, ENABLE_LLM_FIRST, ENABLE_COUNTRY_LOCALIZATION,
/// ENABLE_CONSTITUTIONAL_CHECKS, plus ours: OPENAI_BASE_URL (any OpenAI-compatible server, e.g. Ollama or vLLM),
/// LLM_TIMEOUT_SECONDS (one model call) and LLM_DEADLINE_SECONDS (the whole model path, retries included).
/// </summary>
public sealed record AssistantOptions
{
    public string? ApiKey { get; init; }
    public Uri? BaseUrl { get; init; }
    public string Model { get; init; } = "gpt-4";
    public bool LlmFirst { get; init; } = true;
    public bool CountryLocalization { get; init; } = true;
    public bool ConstitutionalChecks { get; init; } = true;
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>A model is configured when there is a key (OpenAI) or a base URL (a local server needs no key).</summary>
    public bool ModelConfigured => !string.IsNullOrWhiteSpace(ApiKey) || BaseUrl is not null;

    public bool UseModel => LlmFirst && ModelConfigured;

    public static (AssistantOptions Options, List<string> Errors) From(Func<string, string?> get)
    {
        var errors = new List<string>();
        bool Flag(string name)
        {
            var raw = get(name);
            if (string.IsNullOrWhiteSpace(raw)) return true;
            if (bool.TryParse(raw, out var b)) return b;
            if (raw is "1" or "0") return raw == "1";
            errors.Add($"{name} must be true or false (got \"{raw}\")");
            return true;
        }
        TimeSpan Seconds(string name, double fallback)
        {
            var raw = get(name);
            if (string.IsNullOrWhiteSpace(raw)) return TimeSpan.FromSeconds(fallback);
            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 600) return TimeSpan.FromSeconds(s);
            errors.Add($"{name} must be a number of seconds between 0 and 600 (got \"{raw}\")");
            return TimeSpan.FromSeconds(fallback);
        }
        Uri? baseUrl = null;
        if (get("OPENAI_BASE_URL") is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out baseUrl) && baseUrl.Scheme is "http" or "https"))
            errors.Add($"OPENAI_BASE_URL must be an http(s) URL such as http://localhost:11434/v1");
        var options = new AssistantOptions
        {
            ApiKey = get("OPENAI_API_KEY") is { Length: > 0 } key ? key : null,
            BaseUrl = baseUrl,
            Model = get("OPENAI_MODEL") is { Length: > 0 } model ? model : "gpt-4",
            LlmFirst = Flag("ENABLE_LLM_FIRST"),
            CountryLocalization = Flag("ENABLE_COUNTRY_LOCALIZATION"),
            ConstitutionalChecks = Flag("ENABLE_CONSTITUTIONAL_CHECKS"),
            CallTimeout = Seconds("LLM_TIMEOUT_SECONDS", 15),
            Deadline = Seconds("LLM_DEADLINE_SECONDS", 25),
        };
        return (options, errors);
    }

    /// <summary>Never the key itself: for logs and the admin page.</summary>
    public override string ToString() =>
        $"model={Model} base_url={BaseUrl?.ToString() ?? "(OpenAI)"} key={(ApiKey is null ? "unset" : "set")} llm_first={LlmFirst}";
}
