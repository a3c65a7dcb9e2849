using Microsoft.Extensions.Options;

namespace AvaOlo.AgriculturalCore.Assistant;

/// <summary>Each bad assistant setting as one line naming its variable; ValidateOnStart stops the service with them.</summary>
public sealed class AssistantOptionsValidator : IValidateOptions<AssistantOptions>
{
    public ValidateOptionsResult Validate(string? name, AssistantOptions options)
    {
        var errors = new List<string>();
        if (options.OpenAiBaseUrl is { Length: > 0 } && !AssistantOptions.TryBaseUrl(options.OpenAiBaseUrl, out _))
            errors.Add("OPENAI_BASE_URL must be an http(s) URL such as http://localhost:11434/v1");
        Flag(errors, "ENABLE_LLM_FIRST", options.EnableLlmFirst);
        Flag(errors, "ENABLE_COUNTRY_LOCALIZATION", options.EnableCountryLocalization);
        Flag(errors, "ENABLE_CONSTITUTIONAL_CHECKS", options.EnableConstitutionalChecks);
        Seconds(errors, "LLM_TIMEOUT_SECONDS", options.LlmTimeoutSeconds);
        Seconds(errors, "LLM_DEADLINE_SECONDS", options.LlmDeadlineSeconds);
        if (!AssistantOptions.TryPositive(options.SelfTestMaxLatencyMs, out _))
            errors.Add($"SELF_TEST_MAX_LATENCY_MS must be a whole number of milliseconds above 0 (got \"{options.SelfTestMaxLatencyMs}\")");
        Tokens(errors, "LLM_DAILY_TOKENS_PER_FARMER", options.LlmDailyTokensPerFarmer);
        Tokens(errors, "LLM_DAILY_TOKENS_PER_KEY", options.LlmDailyTokensPerKey);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Flag(List<string> errors, string name, string? raw)
    {
        if (!string.IsNullOrWhiteSpace(raw) && !AssistantOptions.TryFlag(raw, out _)) errors.Add($"{name} must be true or false (got \"{raw}\")");
    }

    private static void Tokens(List<string> errors, string name, string? raw)
    {
        if (!AssistantOptions.TryTokens(raw, out _)) errors.Add($"{name} must be a whole number of tokens, 0 (no limit) or more (got \"{raw}\")");
    }

    private static void Seconds(List<string> errors, string name, string? raw)
    {
        if (!AssistantOptions.TrySeconds(raw, out _)) errors.Add($"{name} must be a number of seconds between 0 and 600 (got \"{raw}\")");
    }
}
