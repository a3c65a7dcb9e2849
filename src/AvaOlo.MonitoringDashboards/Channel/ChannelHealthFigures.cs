using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Channel;

/// <summary>
/// Channel health per WhatsApp provider for the admin page and /api/health, from the shared tables and the rollups
/// (<see cref="ChannelFiguresQuery"/>): the same figures whichever instance received, sent or failed.
/// </summary>
public static class ChannelHealthFigures
{
    public static readonly string[] Providers = [ChannelProviders.Meta, ChannelProviders.Twilio];

    public static string Name(string provider) => provider == ChannelProviders.Twilio ? "Twilio WhatsApp" : "WhatsApp Cloud API";

    /// <summary>Last 24 hours of failures; queue depth and last message as they are now.</summary>
    public static Task<List<ChannelFigures>> ReadAsync(NpgsqlDataSource data, DateTimeOffset now, CancellationToken ct) =>
        ChannelFiguresQuery.ReadAsync(data, Providers, now.AddHours(-24), ct);

    /// <summary>The figures as /api/health details, one object per provider (the core's /health uses the same names).</summary>
    public static Dictionary<string, object?> Details(IEnumerable<ChannelFigures> figures) => figures.ToDictionary(
        f => f.Provider == ChannelProviders.Twilio ? "twilio_whatsapp" : "whatsapp_cloud_api",
        f => (object?)new Dictionary<string, object?>
        {
            ["last_message_at"] = f.LastMessageAt, ["signature_failures_24h"] = f.SignatureFailures24h, ["send_failures_24h"] = f.SendFailures24h,
            ["inbox_pending"] = f.InboxPending, ["inbox_failed"] = f.InboxFailed, ["outbox_queued"] = f.OutboxQueued,
        });
}
