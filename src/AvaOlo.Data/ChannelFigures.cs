using Npgsql;

namespace AvaOlo.Data;

/// <summary>One WhatsApp provider's figures from the shared inbox and outbox: the same whichever instance reads them.</summary>
public sealed record ChannelFigures(string Provider, DateTimeOffset? LastMessageAt, long InboxPending, long InboxFailed, long OutboxQueued, long SendFailures24h,
    long SignatureFailures24h = 0);

/// <summary>
/// The channel's read model: the core's /health shows it per provider, and the dashboards' /api/health and admin page
/// can read the same figures straight from the database (last message received, queue depth, failures). Signature
/// failures leave no row behind (nothing is stored): they come from the avaolo.whatsapp.signature_failures rollups,
/// every instance's, by whole hours since the start of the hour holding <c>since</c>.
/// </summary>
public static class ChannelFiguresQuery
{
    private const string Sql =
        "SELECT p.provider, (SELECT max(received_at) FROM whatsapp_inbox i WHERE i.provider = p.provider), " +
        "(SELECT count(*) FROM whatsapp_inbox i WHERE i.provider = p.provider AND i.state = 'pending'), " +
        "(SELECT count(*) FROM whatsapp_inbox i WHERE i.provider = p.provider AND i.state = 'failed'), " +
        "(SELECT count(*) FROM whatsapp_outbox o WHERE o.provider = p.provider AND o.status = 'queued'), " +
        "(SELECT count(*) FROM whatsapp_outbox o WHERE o.provider = p.provider AND o.status = 'failed' AND o.updated_at > $1), " +
        "(SELECT COALESCE(sum(h.count), 0)::bigint FROM metric_hours h WHERE h.metric = $3 AND h.label = p.provider AND h.hour >= date_trunc('hour', $1, 'UTC')) " +
        "FROM unnest($2::text[]) AS p(provider)";

    /// <summary>Figures for each provider named (e.g. Entities.ChannelProviders.Meta); send failures since <paramref name="since"/>.</summary>
    public static async Task<List<ChannelFigures>> ReadAsync(NpgsqlDataSource data, string[] providers, DateTimeOffset since, CancellationToken ct)
    {
        await using var cmd = data.CreateCommand(Sql);
        cmd.Parameters.Add(new NpgsqlParameter { Value = since });
        cmd.Parameters.Add(new NpgsqlParameter { Value = providers });
        cmd.Parameters.Add(new NpgsqlParameter { Value = AvaOlo.ServiceDefaults.Telemetry.ChannelMetrics.SignatureFailures.Instrument });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<ChannelFigures>();
        while (await r.ReadAsync(ct))
            rows.Add(new(r.GetString(0), r.IsDBNull(1) ? null : r.GetFieldValue<DateTimeOffset>(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)));
        return rows;
    }
}
