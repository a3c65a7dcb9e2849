using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.WhatsApp.Outbox;

/// <summary>
/// Delivery statuses only move forward: queued → sent → failed → delivered → read. Statuses arrive out of order, so
/// "delivered" after "read" is ignored. "failed" ranks below "delivered" because a message that reached one of the
/// farmer's devices was delivered, even if another reported a failure; after "delivered" a failure is ignored.
/// Skipped rows were never sent, so no status applies to them.
/// </summary>
public static class StatusRules
{
    /// <summary>In rank order; the SQL of the status webhooks uses the same order (array_position).</summary>
    public static readonly string[] Order = [OutboxStates.Queued, OutboxStates.Sent, OutboxStates.Failed, OutboxStates.Delivered, OutboxStates.Read];

    public static int Rank(string status) => Array.IndexOf(Order, status);

    /// <summary>The status after <paramref name="incoming"/> arrives: the higher-ranked of the two.</summary>
    public static string Apply(string current, string incoming)
    {
        if (current == OutboxStates.Skipped) return current;
        var (c, i) = (Rank(current), Rank(incoming));
        return i > c && c >= 0 ? incoming : current;
    }

    /// <summary>A provider's status word in our terms, or null when it is not one we track (e.g. Twilio's "sending").</summary>
    public static string? Normalize(string? providerStatus) => providerStatus?.ToLowerInvariant() switch
    {
        "sent" => OutboxStates.Sent,
        "delivered" => OutboxStates.Delivered,
        "read" => OutboxStates.Read,
        "failed" or "undelivered" => OutboxStates.Failed,
        _ => null,
    };
}
