using Npgsql;

namespace AvaOlo.AgriculturalCore.DataRights;

/// <summary>
/// Deletes conversations, model calls and WhatsApp messages older than CONVERSATION_RETENTION_DAYS, and the names of onboardings unfinished as long. One instance works at a time: the run
/// holds a session advisory lock, and an instance that cannot take it skips the run. Rows go in batches, each its own
/// short statement, so a first run over a year of history never holds long locks. The dashboards' daily rollups
/// (activity_days, question_days) are separate aggregates and stay.
/// </summary>
public sealed class RetentionJob(NpgsqlDataSource data, DataRightsOptions options, TimeProvider clock, ILogger<RetentionJob> log)
{
    public const long LockKey = 0x4156414F4C4F10; // "AVAOLO" + 0x10
    public const int BatchSize = 5_000;

    /// <summary>What one run removed; <see cref="Ran"/> is false when retention is off or another instance holds the lock.</summary>
    public sealed record Outcome(bool Ran, long ModelCalls, long Conversations, long WhatsAppMessages = 0, long WhatsAppContacts = 0);

    // A conversation and its model calls carry the same created_at (one statement writes both), so the same cutoff
    // takes both; model calls go first so none is left pointing at a deleted conversation.
    private const string ModelCalls =
        "DELETE FROM llm_debug_log WHERE id IN (SELECT id FROM llm_debug_log WHERE created_at < $1 LIMIT $2)";
    private const string Conversations =
        "DELETE FROM conversations WHERE id IN (SELECT id FROM conversations WHERE created_at < $1 LIMIT $2)";

    // A message still waiting for its answer is never taken; its answers go with it (ON DELETE CASCADE), and messages
    // we started ourselves (no inbox row) go by their own age.
    private const string WhatsAppReceived =
        "DELETE FROM whatsapp_inbox WHERE id IN (SELECT id FROM whatsapp_inbox WHERE received_at < $1 AND state <> 'pending' LIMIT $2)";
    private const string WhatsAppStarted =
        "DELETE FROM whatsapp_outbox WHERE id IN (SELECT id FROM whatsapp_outbox WHERE inbox_id IS NULL AND created_at < $1 AND status NOT IN ('queued') LIMIT $2)";

    // An onboarding that never finished keeps the name (and farm name) the farmer typed: it goes after the same period as
    // the messages that carried it. The number starts afresh ('none'); an opt-out on it stays.
    private const string UnfinishedContacts =
        "UPDATE whatsapp_contacts SET name = NULL, farm_name = NULL, step = 'none' WHERE id IN (SELECT id FROM whatsapp_contacts " +
        "WHERE step IN ('ask_name', 'ask_farm', 'ask_consent') AND updated_at < $1 LIMIT $2)";

    public async Task<Outcome> RunAsync(CancellationToken ct)
    {
        if (options.ConversationRetention is not { } keep) return new(false, 0, 0);
        var cutoff = clock.GetUtcNow() - keep;
        await using var conn = await data.OpenConnectionAsync(ct);
        if (!await ScalarAsync<bool>(conn, $"SELECT pg_try_advisory_lock({LockKey})", ct)) return new(false, 0, 0);
        try
        {
            var modelCalls = await DeleteAllAsync(conn, ModelCalls, cutoff, ct);
            var conversations = await DeleteAllAsync(conn, Conversations, cutoff, ct);
            var messages = await DeleteAllAsync(conn, WhatsAppReceived, cutoff, ct) + await DeleteAllAsync(conn, WhatsAppStarted, cutoff, ct);
            var contacts = await DeleteAllAsync(conn, UnfinishedContacts, cutoff, ct);
            if (modelCalls + conversations + messages + contacts > 0)
                log.LogInformation("Retention: deleted {Conversations} conversations, {ModelCalls} model calls and {Messages} WhatsApp messages older than {Cutoff:O}",
                    conversations, modelCalls, messages, cutoff);
            if (contacts > 0) log.LogInformation("Retention: cleared the names of {Contacts} WhatsApp onboardings unfinished since before {Cutoff:O}", contacts, cutoff);
            return new(true, modelCalls, conversations, messages, contacts);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", conn);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task<long> DeleteAllAsync(NpgsqlConnection conn, string sql, DateTimeOffset cutoff, CancellationToken ct)
    {
        long total = 0;
        int removed;
        do total += removed = await ExecuteAsync(conn, sql, cutoff, ct);
        while (removed == BatchSize);
        return total;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection conn, string sql, DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { Parameters = { new() { Value = cutoff }, new() { Value = BatchSize } } };
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
