using System.Text.Json;
using Npgsql;

namespace AvaOlo.AgriculturalCore.DataRights;

/// <summary>
/// The erasure itself, inside the job's transaction. Every row that names the farmer is deleted; the audit trail keeps
/// its rows (who changed what kind of record, and when) but their before/after snapshots and the names of the farmer's
/// keys are blanked. The farmer row is deleted, not blanked: that frees the phone number, and a write racing the erasure
/// (say an answer stored after a slow model call) then fails its foreign key instead of leaving personal data behind.
/// </summary>
internal static class ErasureSql
{
    public const string ErasedMarker = """{"erased": true}""";
    public const string ErasedKeyName = "erased";

    public sealed record Result(IReadOnlyList<string> KeyPrefixes, string SummaryJson);

    // Order matters: the farmer row is locked first (a concurrent insert of a child row then waits for us and fails
    // afterwards), model calls go before their conversations, keys are read before they are deleted.
    private static readonly (string Name, string Sql)[] Steps =
    [
        ("farmer_locked", "SELECT count(*) FROM (SELECT 1 FROM farmers WHERE id = $1 FOR UPDATE) f"),
        ("model_calls", "DELETE FROM llm_debug_log WHERE farmer_id = $1 OR conversation_id IN (SELECT id FROM conversations WHERE farmer_id = $1)"),
        ("whatsapp_outbox", $"DELETE FROM whatsapp_outbox WHERE {WhatsAppOf.Outbox}"), // before the inbox rows it names
        ("whatsapp_inbox", $"DELETE FROM whatsapp_inbox WHERE {WhatsAppOf.Inbox}"),
        ("whatsapp_contacts", $"DELETE FROM whatsapp_contacts WHERE {WhatsAppOf.Contact}"),
        ("pending_actions", "DELETE FROM pending_actions WHERE farmer_id = $1"),
        ("model_usage_days", "DELETE FROM model_usage_days WHERE subject = 'farmer:' || $1::text"),
        ("knowledge_entries", "DELETE FROM knowledge_entries WHERE farmer_id = $1"),
        // A correction an agronomist made for a country or for everyone is their work, and other farmers are answered
        // by it: it stays, but loses the erased farmer's words (the question as asked, the link to the exchange) and
        // any stem of the farmer's or the farm's name. What remains is the agronomist's answer and the question's topic.
        ("knowledge_entries_anonymised", """
            UPDATE knowledge_entries k SET question = '(asked by a farmer whose data was erased)', conversation_id = NULL,
                question_stems = ARRAY(SELECT s FROM unnest(k.question_stems) s WHERE NOT EXISTS (
                    SELECT 1 FROM farmers f, regexp_split_to_table(lower(coalesce(f.name, '') || ' ' || coalesce(f.farm_name, '')), '[^[:alnum:]]+') w
                    WHERE f.id = $1 AND length(w) >= 3 AND length(s) >= 3 AND (w LIKE s || '%' OR s LIKE w || '%')))
            WHERE k.conversation_id IN (SELECT id FROM conversations WHERE farmer_id = $1)
            """),
        ("conversations", "DELETE FROM conversations WHERE farmer_id = $1"),
        ("consents", "DELETE FROM consents WHERE farmer_id = $1"),
        ("tasks", "DELETE FROM tasks WHERE farmer_id = $1"), // their task_fields and task_materials go with them
        ("plantings", "DELETE FROM plantings WHERE farmer_id = $1"),
        ("fields", "DELETE FROM fields WHERE farmer_id = $1"),
        // The erasure's own audit rows keep their snapshots: they hold ids and times, nothing personal.
        ("audit_rows_blanked", $"""
            UPDATE audit_log SET
                before = CASE WHEN before IS NULL OR entity_type = '{ErasureJob.AuditEntity}' THEN before ELSE '{ErasedMarker}'::jsonb END,
                after = CASE WHEN after IS NULL OR entity_type = '{ErasureJob.AuditEntity}' THEN after ELSE '{ErasedMarker}'::jsonb END,
                actor_name = CASE WHEN actor_type = 'api_key' AND actor_id IN (SELECT id::text FROM api_keys WHERE farmer_id = $1)
                                  THEN '{ErasedKeyName}' ELSE actor_name END
            WHERE farmer_id = $1
            """),
    ];

    public static async Task<Result> EraseAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long requestId, int farmerId, DateTimeOffset now, CancellationToken ct)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, sql) in Steps)
        {
            await using var cmd = new NpgsqlCommand(sql, conn, tx) { Parameters = { new() { Value = farmerId } } };
            counts[name] = name == "farmer_locked" ? (long)(await cmd.ExecuteScalarAsync(ct))! : await cmd.ExecuteNonQueryAsync(ct);
        }
        var prefixes = new List<string>();
        await using (var keys = new NpgsqlCommand("DELETE FROM api_keys WHERE farmer_id = $1 RETURNING prefix", conn, tx) { Parameters = { new() { Value = farmerId } } })
        await using (var reader = await keys.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) prefixes.Add(reader.GetString(0));
        counts["api_keys"] = prefixes.Count;
        await using (var farmer = new NpgsqlCommand("DELETE FROM farmers WHERE id = $1", conn, tx) { Parameters = { new() { Value = farmerId } } })
            counts["farmer"] = await farmer.ExecuteNonQueryAsync(ct);
        counts.Remove("farmer_locked");

        var summary = JsonSerializer.Serialize(new { request_id = requestId, rows = counts });
        await using (var executed = new NpgsqlCommand("UPDATE erasure_requests SET status = 'executed', executed_at = $1 WHERE id = $2", conn, tx)
        {
            Parameters = { new() { Value = now }, new() { Value = requestId } },
        })
            await executed.ExecuteNonQueryAsync(ct);
        await using var audit = new NpgsqlCommand(
            "INSERT INTO audit_log (at, actor_type, actor_name, entity_type, entity_id, farmer_id, action, after) " +
            $"VALUES ($1, 'system', 'erasure job', '{ErasureJob.AuditEntity}', $2, $3, 'erase', $4::jsonb)", conn, tx)
        {
            Parameters =
            {
                new() { Value = now }, new() { Value = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new() { Value = farmerId }, new() { Value = summary },
            },
        };
        await audit.ExecuteNonQueryAsync(ct);
        return new(prefixes, summary);
    }
}
