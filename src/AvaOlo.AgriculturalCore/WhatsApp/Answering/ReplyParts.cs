using AvaOlo.AgriculturalCore.WhatsApp.Outbox;
using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.WhatsApp.Answering;

/// <summary>One outbox row to queue: text, or interactive with its reply buttons as JSON.</summary>
public sealed record ReplyPart(string Body, string Kind = "text", string? ButtonsJson = null);

/// <summary>
/// A reply as the provider can carry it. Long text is split at sentence ends; buttons go under the last part, which
/// Meta allows only for a body of at most 1,024 characters — a longer last part is sent as text and the buttons follow
/// under a short question of their own. Twilio has no free-form buttons: the farmer reads the yes/no words instead.
/// </summary>
public static class ReplyParts
{
    /// <summary>Meta's limit for the body of an interactive message.</summary>
    public const int InteractiveBodyMax = 1024;

    public static IReadOnlyList<ReplyPart> Of(string text, string provider, IReadOnlyList<ReplyButton>? buttons, string? hint)
    {
        var twilio = provider == ChannelProviders.Twilio;
        if (buttons is { Count: > 0 } && twilio && hint is not null) text = $"{text}\n\n{hint}";
        var parts = MessageSplitter.Split(text, twilio ? MessageSplitter.TwilioMaxLength : MessageSplitter.MaxLength)
            .Select(p => new ReplyPart(p)).ToList();
        if (buttons is not { Count: > 0 } || twilio) return parts;
        var json = ConfirmButtons.ToJson(buttons);
        if (parts.Count > 0 && parts[^1].Body.Length <= InteractiveBodyMax) parts[^1] = parts[^1] with { Kind = "interactive", ButtonsJson = json };
        else parts.Add(new ReplyPart(hint ?? "?", "interactive", json));
        return parts;
    }
}
