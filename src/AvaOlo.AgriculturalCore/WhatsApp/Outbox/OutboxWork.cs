using AvaOlo.AgriculturalCore.Common;
using AvaOlo.AgriculturalCore.WhatsApp.Inbox;
using AvaOlo.Data.Entities;
using Npgsql;
using NpgsqlTypes;
using AvaOlo.Data;

namespace AvaOlo.AgriculturalCore.WhatsApp.Outbox;

/// <summary>A queued message a sender has claimed, with the farmer's last message time (for the 24-hour window).</summary>
public sealed record ClaimedSend(long Id, string Provider, string Recipient, string Kind, string Body, string? Buttons, int Attempts, DateTimeOffset? LastInbound,
    string? ReplyTo);

/// <summary>
/// The outbox's claims and outcomes, in SQL. Only the oldest queued message per recipient is claimed, so the parts of
/// a long answer (and one answer after another) reach the farmer in order.
/// </summary>
public static class OutboxWork
{
    private const string Claim =
        "UPDATE whatsapp_outbox o SET locked_until = $2, locked_by = $3, attempts = attempts + 1, updated_at = $1 WHERE id IN (" +
        "SELECT h.id FROM whatsapp_outbox h WHERE h.status = 'queued' AND h.next_attempt_at <= $1 AND (h.locked_until IS NULL OR h.locked_until < $1) " +
        "AND NOT EXISTS (SELECT 1 FROM whatsapp_outbox e WHERE e.status = 'queued' AND e.provider = h.provider AND e.recipient = h.recipient AND e.id < h.id) " +
        "ORDER BY h.id LIMIT $4 FOR UPDATE SKIP LOCKED) " +
        "RETURNING id, provider, recipient, kind, body, buttons, attempts, " +
        "(SELECT max(coalesce(i.sent_at, i.received_at)) FROM whatsapp_inbox i WHERE i.provider = o.provider AND i.sender = o.recipient), " +
        "coalesce((SELECT i.provider_message_id FROM whatsapp_inbox i WHERE i.id = o.inbox_id), " +
        // an expert's text quotes the farmer's question it answers, which may be hours old
        "(SELECT i.provider_message_id FROM whatsapp_inbox i WHERE i.conversation_id = o.conversation_id ORDER BY i.id LIMIT 1))";

    private const string Events = "SELECT status FROM whatsapp_status_events WHERE provider = $1 AND provider_message_id = $2";

    private const string MarkSent =
        "UPDATE whatsapp_outbox SET status = $2, provider_message_id = $3, sent_as = $4, skip_reason = $5, sent_at = $6, updated_at = $6, locked_until = NULL, " +
        "last_error = NULL, delivered_at = CASE WHEN $2 IN ('delivered', 'read') THEN $6 END, read_at = CASE WHEN $2 = 'read' THEN $6 END, " +
        "failed_at = CASE WHEN $2 = 'failed' THEN $6 END WHERE id = $1 AND status = 'queued'";

    private const string Retry =
        "UPDATE whatsapp_outbox SET locked_until = NULL, next_attempt_at = $2, last_error = $3, updated_at = $4 WHERE id = $1 AND status = 'queued'";

    private const string End =
        "UPDATE whatsapp_outbox SET status = $2, last_error = $3, skip_reason = $4, failed_at = CASE WHEN $2 = 'failed' THEN $5 END, updated_at = $5, " +
        "locked_until = NULL WHERE id = $1 AND status = 'queued'";

    public static Task<List<ClaimedSend>> ClaimAsync(NpgsqlDataSource data, DateTimeOffset now, TimeSpan lease, string me, int limit, CancellationToken ct) =>
        Sql.ListAsync(data, Claim, static r => new ClaimedSend(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
            r.NullableString(5), r.GetInt32(6), r.Nullable<DateTimeOffset>(7), r.NullableString(8)), ct, now, now + lease, me, limit);

    /// <summary>Records the provider's id; statuses that arrived before it (a fast "delivered") are applied now.</summary>
    public static async Task SentAsync(NpgsqlDataSource data, ClaimedSend m, string providerId, SendDecision how, DateTimeOffset now, CancellationToken ct)
    {
        var earlier = await Sql.ListAsync(data, Events, static r => r.GetString(0), ct, m.Provider, providerId);
        var status = InboxStore.FoldEvents(earlier);
        await using var cmd = Sql.Command(data, MarkSent, m.Id, status, providerId, how.Mode == SendMode.Template ? "template" : "text",
            Sql.Typed(how.Reason, NpgsqlDbType.Text), now);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task RetryAsync(NpgsqlDataSource data, long id, DateTimeOffset next, string error, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = Sql.Command(data, Retry, id, next, error, now);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Failed (with the error) or skipped (with the reason): the row's last word.</summary>
    public static async Task EndAsync(NpgsqlDataSource data, long id, string status, string? error, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = Sql.Command(data, End, id, status, Sql.Typed(error, NpgsqlDbType.Text), Sql.Typed(reason, NpgsqlDbType.Text), now);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
