using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AvaOlo.AgriculturalCore.WhatsApp;

/// <summary>One provider's state for /health: on or off, and what the shared tables say about it.</summary>
public sealed record ChannelState(bool Configured, DateTimeOffset? LastMessageAt, long InboxPending, long InboxFailed, long OutboxQueued,
    long SendFailures24h, long SignatureFailures);

/// <summary>
/// The channel's state for /health: configured providers from this instance's settings, queue depth and failures from
/// the inbox and outbox (<see cref="ChannelFiguresQuery"/>, the read model the dashboards can use too).
/// </summary>
public sealed class ChannelHealth(NpgsqlDataSource data, IOptions<WhatsAppOptions> options, ChannelCounters counters, TimeProvider clock,
    ILogger<ChannelHealth> log) : AvaOlo.ServiceDefaults.IHealthChannels
{
    // /health is polled every 10 s by each load balancer: the figures are read at most every 10 s per instance.
    private static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(10);
    private (IReadOnlyDictionary<string, ChannelState> Value, DateTimeOffset At)? _last;

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
        catch (Exception e) when (AvaOlo.Data.Hosting.DatabaseErrors.IsUnavailable(e))
        {
            log.LogWarning("Channel health: figures unavailable ({Reason})", AvaOlo.Data.Hosting.DatabaseErrors.Describe(e));
            return await ReadFiguresAsync(databaseUp: false, ct);
        }
    }

    public async Task<IReadOnlyDictionary<string, ChannelState>> ReadFiguresAsync(bool databaseUp, CancellationToken ct)
    {
        var o = options.Value;
        var enabled = new Dictionary<string, bool> { [ChannelProviders.Meta] = o.MetaEnabled, [ChannelProviders.Twilio] = o.TwilioEnabled };
        var on = enabled.Where(e => e.Value).Select(e => e.Key).ToArray();
        var rows = on.Length == 0 || !databaseUp ? [] : await ChannelFiguresQuery.ReadAsync(data, on, clock.GetUtcNow().AddHours(-24), ct);
        return enabled.ToDictionary(e => e.Key == ChannelProviders.Meta ? "whatsapp_cloud_api" : "twilio_whatsapp", e =>
            rows.FirstOrDefault(r => r.Provider == e.Key) is { } r
                ? new ChannelState(true, r.LastMessageAt, r.InboxPending, r.InboxFailed, r.OutboxQueued, r.SendFailures24h, counters.SignatureFailures)
                : new ChannelState(e.Value, null, 0, 0, 0, 0, counters.SignatureFailures));
    }
}
