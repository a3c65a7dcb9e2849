using AvaOlo.Data.Entities;
using AvaOlo.AgriculturalCore.WhatsApp.Outbox;
using Npgsql;
using NpgsqlTypes;

namespace AvaOlo.AgriculturalCore.WhatsApp.Inbox;

/// <summary>
/// Stores what a webhook carried, all of it or nothing: one NpgsqlBatch, which PostgreSQL runs as one implicit
/// transaction in one round trip. Messages are inserted once per provider id (a repeat does nothing), statuses are
/// kept and applied to the outbox row they name, and the workers are woken (NOTIFY is delivered at commit).
/// </summary>
public static class InboxStore
{
    public const string InboxChannel = "whatsapp_inbox";
    public const string OutboxChannel = "whatsapp_outbox";

    private const string InsertMessage =
        "INSERT INTO whatsapp_inbox (provider, provider_message_id, sender, sender_country, recipient, type, text, payload, sent_at, received_at, " +
        "state, attempts, next_attempt_at, media_ref, media_type) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, 'pending', 0, $10, $11, $12) " +
        "ON CONFLICT (provider, provider_message_id) DO NOTHING";

    private const string InsertStatus =
        "INSERT INTO whatsapp_status_events (provider, provider_message_id, status, occurred_at, error, received_at) VALUES ($1, $2, $3, $4, $5, $6) " +
        "ON CONFLICT (provider, provider_message_id, status) DO NOTHING";

    // Forward only (StatusRules.Order); a status for a message whose send is not recorded yet waits in the events table.
    private static readonly string ApplyStatus =
        "UPDATE whatsapp_outbox SET status = $3, updated_at = $5, " +
        "last_error = CASE WHEN $3 = 'failed' THEN COALESCE($4, last_error) ELSE last_error END, " +
        "failed_at = CASE WHEN $3 = 'failed' THEN $5 ELSE failed_at END, " +
        "delivered_at = CASE WHEN $3 IN ('delivered', 'read') THEN COALESCE(delivered_at, $5) ELSE delivered_at END, " +
        "read_at = CASE WHEN $3 = 'read' THEN $5 ELSE read_at END " +
        $"WHERE provider = $1 AND provider_message_id = $2 AND array_position({Ranks}, status) < array_position({Ranks}, $3::text)";

    private const string Ranks = "ARRAY['queued', 'sent', 'failed', 'delivered', 'read']::text[]";

    /// <summary>Returns how many messages were new (not seen before).</summary>
    public static async Task<int> StoreAsync(NpgsqlDataSource data, Notification n, DateTimeOffset now, CancellationToken ct)
    {
        if (n.Messages.Count == 0 && n.Statuses.Count == 0) return 0;
        await using var conn = await data.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(conn);
        foreach (var m in n.Messages)
            batch.BatchCommands.Add(Command(InsertMessage, m.Provider, m.ProviderMessageId, m.Sender, Text(m.SenderCountry), Text(m.Recipient), m.Type,
                Text(m.Text), m.Payload, Stamp(m.SentAt), now, Text(m.MediaRef), Text(m.MediaType)));
        var failures = new List<(NpgsqlBatchCommand Stored, string Provider)>();
        foreach (var s in n.Statuses)
        {
            var stored = Command(InsertStatus, s.Provider, s.ProviderMessageId, s.Status, Stamp(s.OccurredAt), Text(s.Error), now);
            batch.BatchCommands.Add(stored);
            batch.BatchCommands.Add(Command(ApplyStatus, s.Provider, s.ProviderMessageId, s.Status, Text(s.Error), s.OccurredAt ?? now));
            if (s.Status == OutboxStates.Failed) failures.Add((stored, s.Provider));
        }
        if (n.Messages.Count > 0) batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_notify('{InboxChannel}', '')"));
        await batch.ExecuteNonQueryAsync(ct);
        // A message the provider accepted and later reports as failed is a send failure too (the alarm counts it); the
        // events table keeps each status once, so a notification delivered again is not counted again.
        foreach (var (stored, provider) in failures)
            if (stored.RecordsAffected == 1) AvaOlo.ServiceDefaults.Telemetry.ChannelMetrics.RecordSendFailure(provider);
        return n.Messages.Count == 0 ? 0 : Enumerable.Range(0, n.Messages.Count).Sum(i => batch.BatchCommands[i].RecordsAffected);
    }

    /// <summary>Statuses already reported for a provider message id, folded into the status they lead to from "sent".</summary>
    internal static string FoldEvents(IEnumerable<string> statuses) => statuses.Aggregate(OutboxStates.Sent, StatusRules.Apply);

    private static NpgsqlBatchCommand Command(string sql, params object[] args)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var a in args) cmd.Parameters.Add(a as NpgsqlParameter ?? new NpgsqlParameter { Value = a });
        return cmd;
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
    private static NpgsqlParameter Stamp(DateTimeOffset? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
