using Microsoft.Extensions.Options;

namespace AvaOlo.AgriculturalCore.WhatsApp;

/// <summary>
/// The WhatsApp providers' settings, under the operators' fixed names. A provider is on when any of its required
/// variables is set, and then all of them must be: a half-configured provider stops the service at start.
/// </summary>
public sealed class WhatsAppOptions
{
    public const string DefaultGraphUrl = "https://graph.facebook.com/v21.0";
    public const string DefaultTwilioApiUrl = "https://api.twilio.com";

    [ConfigurationKeyName("WHATSAPP_APP_SECRET")] public string? AppSecret { get; set; }
    [ConfigurationKeyName("WHATSAPP_VERIFY_TOKEN")] public string? VerifyToken { get; set; }
    [ConfigurationKeyName("WHATSAPP_ACCESS_TOKEN")] public string? AccessToken { get; set; }
    [ConfigurationKeyName("WHATSAPP_PHONE_NUMBER_ID")] public string? PhoneNumberId { get; set; }
    [ConfigurationKeyName("WHATSAPP_GRAPH_URL")] public string? GraphUrl { get; set; }
    /// <summary>name:language of an approved template with one body parameter, sent outside the 24-hour window.</summary>
    [ConfigurationKeyName("WHATSAPP_TEMPLATE_REPLY")] public string? TemplateReply { get; set; }

    [ConfigurationKeyName("TWILIO_ACCOUNT_SID")] public string? TwilioAccountSid { get; set; }
    [ConfigurationKeyName("TWILIO_AUTH_TOKEN")] public string? TwilioAuthToken { get; set; }
    [ConfigurationKeyName("TWILIO_WHATSAPP_NUMBER")] public string? TwilioWhatsAppNumber { get; set; }
    [ConfigurationKeyName("TWILIO_API_URL")] public string? TwilioApiUrl { get; set; }

    /// <summary>The speech-to-text model for voice notes, on the assistant's OpenAI-compatible server.</summary>
    [ConfigurationKeyName("TRANSCRIPTION_MODEL")] public string? TranscriptionModel { get; set; }

    public string Transcription => Blank(TranscriptionModel) ?? "whisper-1";

    /// <summary>The vision-capable model for WhatsApp photos, on the assistant's server; unset: OPENAI_MODEL.</summary>
    [ConfigurationKeyName("VISION_MODEL")] public string? VisionModel { get; set; }

    public string VisionModelOr(string assistantModel) => Blank(VisionModel) ?? assistantModel;

    /// <summary>The address providers call (behind a load balancer): Twilio signs that URL, not ours.</summary>
    [ConfigurationKeyName("PUBLIC_BASE_URL")] public string? PublicBaseUrl { get; set; }

    private static readonly string[] MetaRequired = ["WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN", "WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_NUMBER_ID"];
    private static readonly string[] TwilioRequired = ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_WHATSAPP_NUMBER"];

    private string?[] MetaValues => [AppSecret, VerifyToken, AccessToken, PhoneNumberId];
    private string?[] TwilioValues => [TwilioAccountSid, TwilioAuthToken, TwilioWhatsAppNumber];

    public bool MetaEnabled => MetaValues.Any(Set);
    public bool TwilioEnabled => TwilioValues.Any(Set);
    public bool AnyEnabled => MetaEnabled || TwilioEnabled;

    public Uri GraphBase => new(Blank(GraphUrl) ?? DefaultGraphUrl);
    public Uri TwilioBase => new(Blank(TwilioApiUrl) ?? DefaultTwilioApiUrl);

    /// <summary>The Twilio sender as E.164 (the variable may be given with or without "whatsapp:").</summary>
    public string? TwilioFrom => Blank(TwilioWhatsAppNumber)?.Replace("whatsapp:", "", StringComparison.OrdinalIgnoreCase);

    /// <summary>(name, language) of the reply template, or null when none is configured.</summary>
    public (string Name, string Language)? ReplyTemplate =>
        Blank(TemplateReply)?.Split(':', 2) is [var name, var language] && name.Length > 0 && language.Length > 0 ? (name.Trim(), language.Trim()) : null;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MetaEnabled) Missing(MetaRequired, MetaValues, "the WhatsApp Cloud API channel", errors);
        if (TwilioEnabled) Missing(TwilioRequired, TwilioValues, "the Twilio WhatsApp channel", errors);
        Url("WHATSAPP_GRAPH_URL", GraphUrl, errors);
        Url("TWILIO_API_URL", TwilioApiUrl, errors);
        Url("PUBLIC_BASE_URL", PublicBaseUrl, errors);
        if (Set(TemplateReply) && ReplyTemplate is null) errors.Add($"WHATSAPP_TEMPLATE_REPLY must be name:language, e.g. farmer_reply:hr (got \"{TemplateReply}\")");
        if (TwilioEnabled && TwilioFrom is not null && Data.Phones.Parse(TwilioFrom) is { IsValid: false } p)
            errors.Add($"TWILIO_WHATSAPP_NUMBER {p.Error} (got \"{TwilioWhatsAppNumber}\")");
        return errors;
    }

    private static void Missing(string[] names, string?[] values, string what, List<string> errors)
    {
        var missing = names.Where((_, i) => !Set(values[i])).ToList();
        if (missing.Count > 0) errors.Add($"{string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not set ({what} needs {string.Join(", ", names)}; unset them all to turn it off)");
    }

    private static void Url(string name, string? value, List<string> errors)
    {
        if (Set(value) && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add($"{name} must be an absolute http(s) URL (got \"{value}\")");
    }

    private static bool Set(string? value) => !string.IsNullOrWhiteSpace(value);
    private static string? Blank(string? value) => Set(value) ? value!.Trim() : null;

    internal sealed class Validator : IValidateOptions<WhatsAppOptions>
    {
        public ValidateOptionsResult Validate(string? name, WhatsAppOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
