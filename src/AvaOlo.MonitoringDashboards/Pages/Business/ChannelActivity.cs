using AvaOlo.Data;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Pages.Business;

/// <summary>Questions and active farmers on one channel (api, whatsapp, web…, as conversations.channel names it).</summary>
public sealed record ChannelActivity(string Channel, long Questions, long ActiveFarmers)
{
    /// <summary>
    /// Since <paramref name="from"/>: the totals and the figures per channel, busiest first, in one pass over the period's
    /// rows (the grouping set () is the total). A farmer who wrote on two channels is active on both, and once in the total.
    /// </summary>
    public static async Task<(long Questions, long ActiveFarmers, IReadOnlyList<ChannelActivity> ByChannel)> ReadAsync(
        NpgsqlConnection conn, DateTimeOffset from, CancellationToken ct)
    {
        // (channel, farmer) pairs first, hashed, from the covering index ix_conversations_created_at_channel: at 100,000
        // questions a day the outer grouping sorts a few thousand pairs instead of every row (bench/results/dashboards.md).
        var rows = await conn.ListAsync("""
            SELECT GROUPING(channel) = 1, COALESCE(channel, ''), COALESCE(sum(n), 0)::bigint, count(DISTINCT farmer_id)
            FROM (SELECT channel, farmer_id, count(*) AS n FROM conversations WHERE created_at >= $1 GROUP BY channel, farmer_id) pairs
            GROUP BY GROUPING SETS ((channel), ())
            """, r => (Total: r.GetBoolean(0), Row: new ChannelActivity(r.GetString(1), r.GetInt64(2), r.GetInt64(3))), ct, from);
        var total = rows.Single(x => x.Total).Row;
        return (total.Questions, total.ActiveFarmers,
            rows.Where(x => !x.Total).Select(x => x.Row).OrderByDescending(x => x.Questions).ThenBy(x => x.Channel, StringComparer.Ordinal).ToList());
    }
}
