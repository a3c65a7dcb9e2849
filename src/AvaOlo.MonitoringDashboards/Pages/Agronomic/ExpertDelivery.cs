using AvaOlo.Data;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Pages.Agronomic;

/// <summary>
/// How an expert text reached a WhatsApp farmer, from the core's outbox (whatsapp_outbox.conversation_id): the latest
/// version's last part — queued, sent, delivered, read, failed or skipped — with the reason, and whether it went as the
/// template (outside the 24-hour window).
/// </summary>
public sealed record ExpertDelivery(string Status, string? SentAs, string? Reason)
{
    /// <summary>Saved on a WhatsApp exchange, but the core has not queued it yet (it looks every few seconds).</summary>
    public static readonly ExpertDelivery NotQueued = new("not queued yet", null, null);

    private const string Latest =
        "SELECT DISTINCT ON (conversation_id) conversation_id, status, sent_as, coalesce(skip_reason, last_error) FROM whatsapp_outbox " +
        "WHERE conversation_id = ANY($1) ORDER BY conversation_id, reply_version DESC, part DESC";

    public static async Task<IReadOnlyDictionary<long, ExpertDelivery>> ReadAsync(NpgsqlConnection conn, IEnumerable<QueuedAnswer> answers, CancellationToken ct)
    {
        var ids = answers.Where(a => a.Channel == "whatsapp" && a.ExpertAnswer is not null).Select(a => a.Id).ToArray();
        if (ids.Length == 0) return new Dictionary<long, ExpertDelivery>();
        var rows = await conn.ListAsync(Latest, static r => (Id: r.GetInt64(0), Delivery: new ExpertDelivery(r.GetString(1), r.NullableString(2), r.NullableString(3))),
            ct, ids);
        return rows.ToDictionary(r => r.Id, r => r.Delivery);
    }
}
