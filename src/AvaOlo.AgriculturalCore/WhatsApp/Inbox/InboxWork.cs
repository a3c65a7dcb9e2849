using AvaOlo.AgriculturalCore.Common;
using Npgsql;
using NpgsqlTypes;
using AvaOlo.AgriculturalCore.WhatsApp.Answering;
using AvaOlo.Data;

namespace AvaOlo.AgriculturalCore.WhatsApp.Inbox;

/// <summary>A message a worker has claimed (its lease is held until it is answered, retried or failed).</summary>
/// <summary>Payload: the provider's message object as stored (JSON), for button ids, media and locations.</summary>
/// <summary>MediaRef/MediaType: a voice note's or photo's place at the provider; Transcript: a voice note's words, once transcribed (a retry reuses them).</summary>
public sealed record ClaimedMessage(long Id, string Provider, string ProviderMessageId, string Sender, string? SenderCountry, string Type, string? Text, int Attempts,
    string? Payload = null, string? MediaRef = null, string? MediaType = null, string? Transcript = null);

/// <summary>
/// The inbox's claims, in SQL. A worker claims only the oldest pending message of each sender (none earlier of the
/// same sender is pending), so one sender's messages are answered one at a time and in order on any number of
/// instances. FOR UPDATE SKIP LOCKED lets instances claim side by side; the lease (locked_until) makes a crashed
/// instance's claim expire. Answering commits the reply's outbox rows and the inbox row's state in one statement.
/// </summary>
public static class InboxWork
{
    private const string Claim =
        "UPDATE whatsapp_inbox SET locked_until = $2, locked_by = $3, attempts = attempts + 1 WHERE id IN (" +
        "SELECT h.id FROM whatsapp_inbox h WHERE h.state = 'pending' AND h.next_attempt_at <= $1 AND (h.locked_until IS NULL OR h.locked_until < $1) " +
        "AND NOT EXISTS (SELECT 1 FROM whatsapp_inbox e WHERE e.state = 'pending' AND e.provider = h.provider AND e.sender = h.sender AND e.id < h.id) " +
        "ORDER BY h.id LIMIT $4 FOR UPDATE SKIP LOCKED) " +
        "RETURNING id, provider, provider_message_id, sender, sender_country, type, text, attempts, payload::text, media_ref, media_type, transcript";

    private const string ToldOverLimit =
        "SELECT EXISTS (SELECT 1 FROM whatsapp_inbox WHERE sender = $1 AND review_flag = 'over_limit' AND processed_at >= $2 AND id <> $3)";

    private const string SaveTranscript =
        "UPDATE whatsapp_inbox SET transcript = $2, transcript_language = $3, audio_seconds = $4 WHERE id = $1 AND state = 'pending'";

    private const string Extend = "UPDATE whatsapp_inbox SET locked_until = $2 WHERE id = ANY($1) AND locked_by = $3 AND state = 'pending'";

    // Only the first to finish records an answer (state = 'pending' re-checked under the row lock); the unique
    // (inbox_id, part) key is the second guard. NOTIFY wakes the senders at commit.
    private const string Finish =
        "WITH done AS (UPDATE whatsapp_inbox SET state = $2, processed_at = $3, locked_until = NULL, farmer_id = $4, conversation_id = $5, last_error = $6, review_flag = $10 " +
        "WHERE id = $1 AND state = 'pending' RETURNING id, provider, sender), " +
        "queued AS (INSERT INTO whatsapp_outbox (inbox_id, part, provider, recipient, kind, body, status, attempts, next_attempt_at, created_at, updated_at, buttons) " +
        "SELECT done.id, p.part, done.provider, done.sender, p.kind, p.body, 'queued', 0, $3, $3, $3, p.buttons::jsonb " +
        "FROM done, unnest($7::int[], $8::text[], $9::text[], $11::text[]) AS p(part, body, kind, buttons) " +
        "ON CONFLICT (inbox_id, part) DO NOTHING RETURNING 1) " +
        "SELECT (SELECT count(*) FROM done), (SELECT count(*) FROM queued), pg_notify('" + InboxStore.OutboxChannel + "', '')";

    private const string Retry =
        "UPDATE whatsapp_inbox SET locked_until = NULL, locked_by = NULL, next_attempt_at = $2, last_error = $3 WHERE id = $1 AND state = 'pending'";

    // A graceful shutdown gives the claim back at once (and the attempt it cost), rather than letting the lease run out.
    private const string Release =
        "UPDATE whatsapp_inbox SET locked_until = NULL, locked_by = NULL, attempts = greatest(attempts - 1, 0) WHERE id = ANY($1) AND locked_by = $2 AND state = 'pending'";

    public static Task<List<ClaimedMessage>> ClaimAsync(NpgsqlDataSource data, DateTimeOffset now, TimeSpan lease, string me, int limit, CancellationToken ct) =>
        Sql.ListAsync(data, Claim, static r => new ClaimedMessage(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.NullableString(4),
            r.GetString(5), r.NullableString(6), r.GetInt32(7), r.NullableString(8), r.NullableString(9),
            r.NullableString(10), r.NullableString(11)), ct, now, now + lease, me, limit);

    public static async Task ExtendAsync(NpgsqlDataSource data, long[] ids, DateTimeOffset until, string me, CancellationToken ct)
    {
        await using var cmd = Sql.Command(data, Extend, ids, until, me);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Records the outcome with its reply parts; false when another worker recorded this message first.</summary>
    public static async Task<bool> FinishAsync(NpgsqlDataSource data, long id, string state, IReadOnlyList<ReplyPart> parts, int? farmerId, long? conversationId,
        string? error, DateTimeOffset now, CancellationToken ct, string? reviewFlag = null)
    {
        await using var cmd = Sql.Command(data, Finish, id, state, now, Sql.Typed(farmerId, NpgsqlDbType.Integer), Sql.Typed(conversationId, NpgsqlDbType.Bigint),
            Sql.Typed(error, NpgsqlDbType.Text), Enumerable.Range(0, parts.Count).ToArray(), parts.Select(p => p.Body).ToArray(),
            parts.Select(p => p.Kind).ToArray(), Sql.Typed(reviewFlag, NpgsqlDbType.Text),
            new NpgsqlParameter<string?[]> { TypedValue = parts.Select(p => p.ButtonsJson).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetInt64(0) == 1;
    }

    /// <summary>Whether this number was already told it is over a limit since <paramref name="since"/> (shared by every instance).</summary>
    public static async Task<bool> ToldOverLimitAsync(NpgsqlDataSource data, string sender, DateTimeOffset since, long except, CancellationToken ct)
    {
        await using var cmd = Sql.Command(data, ToldOverLimit, sender, since, except);
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    /// <summary>Keeps a voice note's words before they are answered, so a retry does not transcribe (and pay for) them again.</summary>
    public static async Task SaveTranscriptAsync(NpgsqlDataSource data, long id, string text, string? language, double? seconds, CancellationToken ct)
    {
        await using var cmd = Sql.Command(data, SaveTranscript, id, text.Length > 8000 ? text[..8000] : text, Sql.Typed(language, NpgsqlDbType.Varchar),
            Sql.Typed(seconds, NpgsqlDbType.Double));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task RetryAsync(NpgsqlDataSource data, long id, DateTimeOffset next, string error, CancellationToken ct)
    {
        await using var cmd = Sql.Command(data, Retry, id, next, error);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task ReleaseAsync(NpgsqlDataSource data, long[] ids, string me, CancellationToken ct)
    {
        await using var cmd = Sql.Command(data, Release, ids, me);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
