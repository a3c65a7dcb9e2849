namespace AvaOlo.MonitoringDashboards.Channel;

/// <summary>
/// The provider credentials the workbench's media links use, under the core's names: the dashboards fetch a voice note
/// or photo from the provider that holds it, so the token never reaches the page. A provider is off when its
/// credentials are unset; its media links then answer 503 naming the missing variables.
/// </summary>
public sealed class ChannelMediaOptions
{
    public const string DefaultGraphUrl = "https://graph.facebook.com/v21.0";
    public const string DefaultTwilioApiUrl = "https://api.twilio.com";

    [ConfigurationKeyName("WHATSAPP_ACCESS_TOKEN")] public string? AccessToken { get; set; }
    [ConfigurationKeyName("WHATSAPP_GRAPH_URL")] public string? GraphUrl { get; set; }
    [ConfigurationKeyName("TWILIO_ACCOUNT_SID")] public string? TwilioAccountSid { get; set; }
    [ConfigurationKeyName("TWILIO_AUTH_TOKEN")] public string? TwilioAuthToken { get; set; }
    [ConfigurationKeyName("TWILIO_API_URL")] public string? TwilioApiUrl { get; set; }

    public bool MetaEnabled => Set(AccessToken);
    public bool TwilioEnabled => Set(TwilioAccountSid) && Set(TwilioAuthToken);
    public Uri GraphBase => new(Set(GraphUrl) ? GraphUrl!.Trim() : DefaultGraphUrl);
    public Uri TwilioBase => new(Set(TwilioApiUrl) ? TwilioApiUrl!.Trim() : DefaultTwilioApiUrl);

    public IEnumerable<string> Validate()
    {
        foreach (var (name, value) in new[] { ("WHATSAPP_GRAPH_URL", GraphUrl), ("TWILIO_API_URL", TwilioApiUrl) })
            if (Set(value) && !(Uri.TryCreate(value!.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
                yield return $"{name} must be an absolute http(s) URL";
        if (Set(TwilioAccountSid) != Set(TwilioAuthToken))
            yield return "TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set together (or both unset to turn Twilio media off)";
    }

    private static bool Set(string? value) => !string.IsNullOrWhiteSpace(value);
}
