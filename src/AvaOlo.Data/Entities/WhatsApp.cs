namespace AvaOlo.Data.Entities;

/// <summary>
/// One message a farmer sent on WhatsApp (Meta Cloud API or Twilio), stored before the webhook is acknowledged.
/// (provider, provider_message_id) is unique: a notification the provider delivers again is stored once. Workers on
/// any instance claim rows with FOR UPDATE SKIP LOCKED and a lease (locked_until), one sender at a time.
/// </summary>
public sealed class InboundMessage
{
    public long Id { get; set; }
    /// <summary><see cref="ChannelProviders"/>: meta or twilio.</summary>
    public required string Provider { get; set; }
    /// <summary>Meta's wamid… or Twilio's MessageSid.</summary>
    public required string ProviderMessageId { get; set; }
    /// <summary>The verified sender in E.164; the farmer.</summary>
    public required string Sender { get; set; }
    public string? SenderCountry { get; set; }
    /// <summary>Our number the farmer wrote to: Meta's phone_number_id, Twilio's To.</summary>
    public string? Recipient { get; set; }
    /// <summary>text, audio, image, location, interactive, button, … as the provider names it.</summary>
    public required string Type { get; set; }
    /// <summary>The text the farmer wrote (text body, caption, button title); null for media without one.</summary>
    public string? Text { get; set; }
    /// <summary>The provider's message object as received (JSON), for the parts that answer media, locations, buttons.</summary>
    public required string Payload { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary><see cref="InboxStates"/>.</summary>
    public required string State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int? FarmerId { get; set; }
    /// <summary>The stored exchange (conversations.id) when the message was answered by the assistant.</summary>
    public long? ConversationId { get; set; }
    /// <summary>
    /// Where the media is, never its bytes: Meta's media id (fetched through GET /{media-id}) or Twilio's MediaUrl0.
    /// Photos and voice notes stay with the provider; the agronomists' workbench links to them.
    /// </summary>
    public string? MediaRef { get; set; }
    /// <summary>The media's MIME type as the provider gave it (audio/ogg, image/jpeg, …).</summary>
    public string? MediaType { get; set; }
    /// <summary>A voice note's words as transcribed, the language the transcription heard, and the audio's length.</summary>
    public string? Transcript { get; set; }
    public string? TranscriptLanguage { get; set; }
    public double? AudioSeconds { get; set; }
    /// <summary><see cref="InboxReviewFlags"/>: why an agronomist should look at this exchange first; null for an ordinary one.</summary>
    public string? ReviewFlag { get; set; }
}

/// <summary>Why a received message needs an agronomist's eye (whatsapp_inbox.review_flag).</summary>
public static class InboxReviewFlags
{
    /// <summary>Work the farmer reported while no model could turn it into a proposal: nothing was recorded, an agronomist records it.</summary>
    public const string UnconfirmedRecordReport = "unconfirmed_record_report";
    /// <summary>A photo: the model's cautious reading (or none) waits for an agronomist.</summary>
    public const string Image = "image";
    /// <summary>Not for review: the sender was over a limit and told so — once a day; their further messages that day get no reply.</summary>
    public const string OverLimit = "over_limit";
    /// <summary>Not answered: the sender was over the per-minute limit (told once a minute); kept, not dropped.</summary>
    public const string RateLimited = "rate_limited";
}

/// <summary>
/// One message to send. (inbox_id, part) is unique, so a message processed twice (after a crash) still queues one
/// answer. Status only moves forward (see StatusRules in the core); skipped rows say why they were not sent.
/// </summary>
public sealed class OutboundMessage
{
    public long Id { get; set; }
    /// <summary>The message this answers; null for messages we start (expert replies, reminders).</summary>
    public long? InboxId { get; set; }
    /// <summary>
    /// The exchange an agronomist answered ("Reply as expert", "Edit and approve"); null for answers to a message. With
    /// <see cref="Part"/> unique, so 25 instances queue one expert text once; the workbench reads its delivery from here.
    /// </summary>
    public long? ConversationId { get; set; }
    /// <summary>Which expert text this is: the conversation's reviewed_at when it was queued (a later save is a newer text).</summary>
    public DateTimeOffset? ReplyVersion { get; set; }
    public int Part { get; set; }
    public required string Provider { get; set; }
    /// <summary>E.164 of the farmer.</summary>
    public required string Recipient { get; set; }
    /// <summary>text, or interactive (reply buttons, in <see cref="Buttons"/>).</summary>
    public required string Kind { get; set; }
    public required string Body { get; set; }
    /// <summary>Reply buttons as JSON [{id,title}], for kind interactive.</summary>
    public string? Buttons { get; set; }
    /// <summary><see cref="OutboxStates"/>.</summary>
    public required string Status { get; set; }
    /// <summary>How it went out: free text inside the 24-hour window, or a template outside it.</summary>
    public string? SentAs { get; set; }
    public string? SkipReason { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public string? LastError { get; set; }
    public string? ProviderMessageId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
}

/// <summary>
/// Every delivery status the providers reported, kept once per (provider, message id, status). A status may arrive
/// before the send that caused it is recorded; it is applied to the outbox row when that row learns its id.
/// </summary>
public sealed class DeliveryStatusEvent
{
    public long Id { get; set; }
    public required string Provider { get; set; }
    public required string ProviderMessageId { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset? OccurredAt { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

public static class ChannelProviders
{
    public const string Meta = "meta";
    public const string Twilio = "twilio";
}

public static class InboxStates
{
    public const string Pending = "pending";
    public const string Answered = "answered";
    public const string Failed = "failed";
}

public static class OutboxStates
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Read = "read";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
}
