using AvaOlo.AgriculturalCore.WhatsApp.Answering;
using AvaOlo.AgriculturalCore.WhatsApp.Inbox;
using AvaOlo.Data;
using Npgsql;

namespace AvaOlo.AgriculturalCore.WhatsApp.ExpertReplies;

/// <summary>
/// Queues an agronomist's text ("Reply as expert", "Edit and approve") for the farmer of a WhatsApp exchange. Each save
/// is a version (conversations.reviewed_at); a version not yet in the outbox is queued once, as new parts after the
/// exchange's earlier ones. The conversation row is locked (FOR UPDATE SKIP LOCKED) while its parts are queued, so
/// of 25 instances one queues it, and an edit saved meanwhile waits for the commit and becomes the next version; the
/// unique (conversation_id, part) is the second guard. Queued parts of an older version are skipped: only the latest
/// text goes out.
/// </summary>
public static class ExpertReplyWork
{
    public const string Superseded = "superseded by a newer expert text";

    private const string Waiting =
        "c.channel = '" + ChannelAnswerer.Channel + "' AND c.review_state IN ('edited', 'expert_answered') AND c.expert_answer IS NOT NULL " +
        "AND btrim(c.expert_answer) <> '' AND NOT EXISTS (SELECT 1 FROM whatsapp_outbox o WHERE o.conversation_id = c.id AND o.reply_version >= c.reviewed_at)";

    // Over the partial index on reviewed_at: only recent saves are looked at, so the scan stays small however long the history.
    private const string Candidates =
        "SELECT c.id FROM conversations c WHERE c.reviewed_at > $1 AND " + Waiting +
        " AND EXISTS (SELECT 1 FROM whatsapp_inbox i WHERE i.conversation_id = c.id) ORDER BY c.reviewed_at LIMIT $2";

    private const string Lock = "SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE SKIP LOCKED";

    // A separate statement after the lock: its snapshot sees whatever the previous holder committed.
    private const string Read =
        "SELECT c.expert_answer, c.review_state, c.language, i.provider, i.sender, " +
        "(SELECT coalesce(max(o.part) + 1, 0) FROM whatsapp_outbox o WHERE o.conversation_id = c.id), " +
        "EXISTS (SELECT 1 FROM whatsapp_outbox o WHERE o.conversation_id = c.id AND (o.status IN ('sent', 'delivered', 'read') " +
        "OR (o.status = 'queued' AND o.locked_until >= $2))) " +
        "FROM conversations c CROSS JOIN LATERAL (SELECT provider, sender FROM whatsapp_inbox WHERE conversation_id = c.id ORDER BY id LIMIT 1) i " +
        "WHERE c.id = $1 AND " + Waiting;

    // A part a sender holds right now is left to finish; the rest of the older text is not sent.
    private const string Supersede =
        "UPDATE whatsapp_outbox SET status = 'skipped', skip_reason = '" + Superseded + "', updated_at = $2 " +
        "WHERE conversation_id = $1 AND status = 'queued' AND (locked_until IS NULL OR locked_until < $2)";

    private const string Insert =
        "INSERT INTO whatsapp_outbox (conversation_id, reply_version, part, provider, recipient, kind, body, status, attempts, next_attempt_at, created_at, updated_at) " +
        "SELECT $1, (SELECT reviewed_at FROM conversations WHERE id = $1), p.part, $2, $3, 'text', p.body, 'queued', 0, $4, $4, $4 " +
        "FROM unnest($5::int[], $6::text[]) AS p(part, body) ON CONFLICT (conversation_id, part) DO NOTHING";

    private const string Notify = "SELECT pg_notify('" + InboxStore.OutboxChannel + "', '')";

    public static Task<List<long>> CandidatesAsync(NpgsqlDataSource data, DateTimeOffset since, int limit, CancellationToken ct) =>
        Sql.ListAsync(data, Candidates, static r => r.GetInt64(0), ct, since, limit);

    /// <summary>Queues the conversation's latest expert text; the number of parts queued (0: another instance has it, or nothing is waiting).</summary>
    public static async Task<int> QueueAsync(NpgsqlDataSource data, long conversationId, DateTimeOffset now, CancellationToken ct)
    {
        await using var conn = await data.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (await conn.ListAsync(Lock, static r => r.GetInt32(0), ct, conversationId) is not [_]) return 0;
        var rows = await conn.ListAsync(Read, static r => (Text: r.GetString(0), State: r.GetString(1), Language: r.GetString(2), Provider: r.GetString(3),
            Recipient: r.GetString(4), NextPart: r.GetInt32(5), WentOut: r.GetBoolean(6)), ct, conversationId, now);
        if (rows is not [var c]) return 0;
        var text = ExpertReplyText.Compose(c.Text, c.Language, correction: c.State == Data.Entities.ReviewStates.Edited || c.WentOut);
        var parts = ReplyParts.Of(text, c.Provider, null, null);
        await conn.ExecuteAsync(Supersede, ct, conversationId, now);
        var queued = await conn.ExecuteAsync(Insert, ct, conversationId, c.Provider, c.Recipient, now,
            Enumerable.Range(c.NextPart, parts.Count).ToArray(), parts.Select(p => p.Body).ToArray());
        await conn.ExecuteAsync(Notify, ct);
        await tx.CommitAsync(ct);
        return queued;
    }
}
