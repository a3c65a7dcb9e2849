namespace AvaOlo.AgriculturalCore.WhatsApp.Inbox;

/// <summary>One received message, as either provider's webhook gives it, ready to store.</summary>
/// <param name="MediaRef">Meta's media id or Twilio's MediaUrl0: where the voice note or photo is (never its bytes).</param>
public sealed record InboundItem(string Provider, string ProviderMessageId, string Sender, string? SenderCountry, string? Recipient,
    string Type, string? Text, string Payload, DateTimeOffset? SentAt, string? MediaRef = null, string? MediaType = null);

/// <summary>One delivery status of a message we sent; Status is already in our terms (StatusRules.Normalize).</summary>
public sealed record StatusItem(string Provider, string ProviderMessageId, string Status, DateTimeOffset? OccurredAt, string? Error);

/// <summary>What one webhook call carried.</summary>
public sealed record Notification(IReadOnlyList<InboundItem> Messages, IReadOnlyList<StatusItem> Statuses);

/// <summary>Why a webhook body was refused: the field (a JSON path or form field) and the reason.</summary>
public sealed record NotificationError(string Field, string Reason);
