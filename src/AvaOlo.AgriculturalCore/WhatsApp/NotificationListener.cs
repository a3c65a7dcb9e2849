using AvaOlo.AgriculturalCore.WhatsApp.Inbox;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AvaOlo.AgriculturalCore.WhatsApp;

/// <summary>
/// LISTENs for the inbox and outbox channels on one connection and raises this instance's signals, so a message
/// stored by any instance is picked up at once. When the database is away it reconnects with a pause; the workers'
/// polling covers the gap. It connects only after the host is listening.
/// </summary>
public sealed class NotificationListener(NpgsqlDataSource data, ChannelSignals signals, IOptions<WhatsAppOptions> options,
    IHostApplicationLifetime lifetime, ILogger<NotificationListener> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.AnyEnabled || !await Started.WaitAsync(lifetime, stoppingToken)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = await data.OpenConnectionAsync(stoppingToken);
                conn.Notification += (_, e) => (e.Channel == InboxStore.InboxChannel ? signals.Inbox : signals.Outbox).Raise();
                await using (var listen = new NpgsqlCommand($"LISTEN {InboxStore.InboxChannel}; LISTEN {InboxStore.OutboxChannel}", conn))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Anything stored while we were not listening is found by one look now.
                signals.Inbox.Raise();
                signals.Outbox.Raise();
                while (!stoppingToken.IsCancellationRequested) await conn.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.IO.IOException)
            {
                log.LogWarning("WhatsApp notifications: connection lost ({Reason}); polling until it is back", AvaOlo.Data.Hosting.DatabaseErrors.Describe(e));
                try { await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }
}

internal static class Started
{
    /// <summary>Waits until the host listens (no connection before that); false when stopping first.</summary>
    public static async Task<bool> WaitAsync(IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var started = new TaskCompletionSource();
        using var a = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var b = ct.Register(() => started.TrySetCanceled(ct));
        try { await started.Task; return true; } catch (OperationCanceledException) { return false; }
    }
}
