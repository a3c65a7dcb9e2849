namespace AvaOlo.Data.Entities;

/// <summary>
/// A farmer's consent to one purpose (e.g. "whatsapp_messages"), given to one version of the consent text on one channel.
/// Withdrawal keeps the row (GDPR art. 7(1): we must be able to show what was consented to, and when).
/// </summary>
public sealed class Consent
{
    public long Id { get; set; }
    public int FarmerId { get; set; }
    /// <summary>What was consented to: a short lower-case code such as "terms" or "voice_processing".</summary>
    public required string Purpose { get; set; }
    /// <summary>The version of the text the farmer was shown, e.g. "2026-01".</summary>
    public required string TextVersion { get; set; }
    /// <summary>Where it was given: whatsapp, api, web…</summary>
    public required string Channel { get; set; }
    public DateTimeOffset GivenAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}

/// <summary>
/// A request to erase a farmer, carried out by the erasure job once <see cref="EraseAfter"/> has passed, unless cancelled.
/// Holds no personal data (actors are "api_key:&lt;id&gt;"), so it outlives the erased farmer row as the record of the erasure.
/// </summary>
public sealed class ErasureRequest
{
    public long Id { get; set; }
    public int FarmerId { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset EraseAfter { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelledBy { get; set; }
    public DateTimeOffset? ExecutedAt { get; set; }
}

public static class ErasureStatus
{
    public const string Scheduled = "scheduled";
    public const string Cancelled = "cancelled";
    public const string Executed = "executed";
    public static readonly string[] All = [Scheduled, Cancelled, Executed];
}
