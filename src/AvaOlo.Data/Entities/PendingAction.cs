namespace AvaOlo.Data.Entities;

/// <summary>
/// A change the assistant proposed (delete a task, record reported work, set a location) that waits for the farmer's
/// yes. Bound to the farmer and the conversation thread, and carried out only by a LATER request on that thread whose
/// message confirms it — on any instance — never in the turn that proposed it, so a model cannot confirm for itself.
/// </summary>
public sealed class PendingAction
{
    public long Id { get; set; }
    public int FarmerId { get; set; }
    public Guid ThreadId { get; set; }
    /// <summary>One of <see cref="PendingActionKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>What to do, as JSON (e.g. the task to record); read only by the code of its kind.</summary>
    public required string Payload { get; set; }
    /// <summary>What the farmer is asked to confirm, in words (shown on the dashboards and in the confirmation).</summary>
    public required string Summary { get; set; }
    public required string Channel { get; set; }
    /// <summary>The API key of the request that proposed it (null on WhatsApp): the audit actor when it is carried out.</summary>
    public int? ProposedByKeyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    /// <summary>confirmed, declined, superseded, expired or failed; null while open.</summary>
    public string? Resolution { get; set; }
    /// <summary>What carrying it out produced (e.g. the new task's id) or why it failed.</summary>
    public string? Outcome { get; set; }
}

public static class PendingActionKinds
{
    public const string DeleteTask = "delete_task";
    public const string RecordTask = "record_task";
    public const string SetLocation = "set_location";
}

public static class PendingActionResolutions
{
    public const string Confirmed = "confirmed";
    public const string Declined = "declined";
    public const string Superseded = "superseded";
    public const string Expired = "expired";
    public const string Failed = "failed";
}

/// <summary>
/// Model tokens used in one UTC day by one subject — a farmer ("farmer:12"), an unknown phone ("phone:…") or an
/// integration key ("key:5") — for the daily model budget shared by every instance.
/// </summary>
public sealed class ModelUsageDay
{
    public required string Subject { get; set; }
    public DateOnly Day { get; set; }
    public long Tokens { get; set; }
    public int Calls { get; set; }
}
