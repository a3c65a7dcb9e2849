using Microsoft.Extensions.Configuration;

namespace AvaOlo.ServiceDefaults;

/// <summary>
/// The operators' OPENAI_API_KEY and OPENAI_MODEL (default gpt-4), and OPENAI_BASE_URL (any OpenAI-compatible server).
/// One record, so the dashboards show the model the core uses, with the same default, instead of reading the
/// variables again with their own.
/// </summary>
public sealed class LanguageModelOptions
{
    public const string DefaultModel = "gpt-4";
    private string? _apiKey;
    private string? _model;

    [ConfigurationKeyName("OPENAI_API_KEY")]
    public string? ApiKey { get => string.IsNullOrWhiteSpace(_apiKey) ? null : _apiKey; set => _apiKey = value; }

    [ConfigurationKeyName("OPENAI_BASE_URL")] public string? BaseUrlSetting { get; set; }

    [ConfigurationKeyName("OPENAI_MODEL")]
    public string Model { get => string.IsNullOrWhiteSpace(_model) ? DefaultModel : _model; set => _model = value; }

    public Uri? BaseUrl => Uri.TryCreate(BaseUrlSetting, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;

    /// <summary>A model is configured when there is a key (OpenAI) or a base URL (a local server needs no key).</summary>
    public bool Configured => ApiKey is not null || BaseUrl is not null;

    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrEmpty(BaseUrlSetting) && BaseUrl is null) yield return "OPENAI_BASE_URL must be an http(s) URL such as http://localhost:11434/v1";
    }
}
