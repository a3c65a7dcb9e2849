namespace AvaOlo.AgriculturalCore.WhatsApp.Outbox;

/// <summary>One message to hand to a provider, and how (free text inside the window, the template outside it).</summary>
/// <summary>ReplyTo: the provider id of the message this answers (Meta shows the reply quoting it).</summary>
public sealed record OutgoingMessage(long Id, string Recipient, string Kind, string Body, string? ButtonsJson, SendMode Mode, string? ReplyTo);

/// <summary>What a provider said: accepted (with its message id), or refused for now (retry) or for good.</summary>
public abstract record SendResult
{
    public sealed record Sent(string ProviderMessageId) : SendResult;
    public sealed record Transient(string Error) : SendResult;
    public sealed record Permanent(string Error) : SendResult;

    /// <summary>5xx and 429 may pass; any other 4xx will not.</summary>
    public static SendResult Refused(int status, string error) =>
        status is 429 or >= 500 ? new Transient($"HTTP {status}: {error}") : new Permanent($"HTTP {status}: {error}");
}

/// <summary>A provider's send API (Meta's Graph API or Twilio's REST API).</summary>
public interface IMessageSender
{
    string Provider { get; }

    /// <summary>Whether an approved template exists for messages outside the 24-hour window.</summary>
    bool TemplateAvailable { get; }

    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct);
}
