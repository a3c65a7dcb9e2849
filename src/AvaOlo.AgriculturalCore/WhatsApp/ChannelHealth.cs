using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data.Entities;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AvaOlo.AgriculturalCore.WhatsApp;

/// <summary>One provider's state for /health: on or off, and what the shared tables say about it.</summary>
public sealed record ChannelState(bool Configured, DateTimeOffset? LastMessageAt, long InboxPending, long InboxFailed, long OutboxQueued,
    long SendFailures24h, long SignatureFailures);

/// <summary>
/// The channel's state read model: configured providers from this instance's settings, queue depth and failures from
/// the inbox and outbox (the same for every instance). The dashboards' /api/health can show it from the core's /health.
/// </summary>
public sealed class ChannelHealth(NpgsqlDataSource data, IOptions<WhatsAppOptions> options, ChannelCounters counters, TimeProvider clock,
    ILogger<ChannelHealth> log) : AvaOlo.ServiceDefaults.IHealthChannels
{
    // /health is polled every 10 s by each load balancer: the figures are read at most every 10 s per instance.
    private static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(10);
    private (IReadOnlyDictionary<string, ChannelState> Value, DateTimeOffset At)? _last;

    private const string Figures =
        "SELECT p.provider, (SELECT max(received_at) FROM whatsapp_inbox i WHERE i.provider = p.provider), " +
        "(SELECT count(*) FROM whatsapp_inbox i WHERE i.provider = p.provider AND i.state = 'pending'), " +
        "(SELECT count(*) FROM whatsapp_inbox i WHERE i.provider = p.provider AND i.state = 'failed'), " +
        "(SELECT count(*) FROM whatsapp_outbox o WHERE o.provider = p.provider AND o.status = 'queued'), " +
        "(SELECT count(*) FROM whatsapp_outbox o WHERE o.provider = p.provider AND o.status = 'failed' AND o.updated_at > $1) " +
        "FROM unnest($2::text[]) AS p(provider)";

    public async Task<object?> ReadAsync(bool databaseUp, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_last is { } last && now - last.At < FreshFor) return last.Value;
        try
        {
            var value = await ReadFiguresAsync(databaseUp, ct);
            if (databaseUp) _last = (value, now);
            return value;
        }
        catch (Exception e) when (AvaOlo.ServiceDefaults.DatabaseErrors.IsUnavailable(e))
        {
            log.LogWarning("Channel health: figures unavailable ({Reason})", AvaOlo.ServiceDefaults.DatabaseErrors.Describe(e));
            return await ReadFiguresAsync(databaseUp: false, ct);
        }
    }

    public async Task<IReadOnlyDictionary<string, ChannelState>> ReadFiguresAsync(bool databaseUp, CancellationToken ct)
    {
        var o = options.Value;
        var enabled = new Dictionary<string, bool> { [ChannelProviders.Meta] = o.MetaEnabled, [ChannelProviders.Twilio] = o.TwilioEnabled };
        var on = enabled.Where(e => e.Value).Select(e => e.Key).ToArray();
        var rows = on.Length == 0 || !databaseUp ? [] : await Sql.ListAsync(data, Figures, static r => (r.GetString(0), r.Nullable<DateTimeOffset>(1), r.GetInt64(2), r.GetInt64(3),
            r.GetInt64(4), r.GetInt64(5)), ct, clock.GetUtcNow().AddHours(-24), on);
        return enabled.ToDictionary(e => e.Key == ChannelProviders.Meta ? "whatsapp_cloud_api" : "twilio_whatsapp", e =>
            rows.FirstOrDefault(r => r.Item1 == e.Key) is { Item1: not null } r
                ? new ChannelState(true, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6, counters.SignatureFailures)
                : new ChannelState(e.Value, null, 0, 0, 0, 0, counters.SignatureFailures));
    }
}
