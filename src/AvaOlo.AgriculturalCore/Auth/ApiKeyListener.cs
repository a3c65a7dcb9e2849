using AvaOlo.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Auth;

/// <summary>
/// LISTENs on <see cref="ApiKeyChanges.Channel"/> over a connection of its own and drops each announced key from
/// <see cref="ApiKeyStore"/>, so a key revoked anywhere (dashboards, CLI, plain SQL) is refused by this instance
/// within about a second. Connects only once the host is listening. When the connection is lost — a database outage,
/// a failover, a killed backend — everything cached is dropped (changes may go unannounced meanwhile), keys are
/// cached for <see cref="ApiKeyStore.CacheForUnlistened"/> only, and it reconnects every few seconds; after
/// reconnecting it drops everything once more, since anything may have changed while nobody listened.
/// </summary>
public sealed class ApiKeyListener(ApiKeyStore store, IOptions<DatabaseOptions> database, IHostApplicationLifetime lifetime, ILogger<ApiKeyListener> log)
    : BackgroundService
{
    public const string ApplicationName = "avaolo-key-listener";

    // A quiet connection is pinged this often, so a silently dropped one is noticed (within this plus the ping's timeout).
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try { await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted).WaitAsync(stoppingToken); }
        catch (OperationCanceledException) when (lifetime.ApplicationStarted.IsCancellationRequested) { }
        catch (OperationCanceledException) { return; }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken, onListening: () =>
                {
                    if (failures > 0) log.LogInformation("Listening for API key changes again");
                    failures = 0;
                });
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e) // whatever it is, it must not stop the service: the caches fall back to short lifetimes
            {
                Unlisten();
                // One warning per outage, not one per attempt.
                if (failures++ == 0) log.LogWarning("Not listening for API key changes ({Reason}); keys are cached for {Seconds} s until it reconnects",
                    e.GetBaseException().Message, ApiKeyStore.CacheForUnlistened.TotalSeconds);
                try { await Task.Delay(Backoff[Math.Min(failures - 1, Backoff.Length - 1)], stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        Unlisten();
    }

    private async Task ListenAsync(CancellationToken ct, Action onListening)
    {
        var cs = new NpgsqlConnectionStringBuilder(database.Value.ToConnectionString())
        {
            Pooling = false, ApplicationName = ApplicationName, Timeout = 5, CommandTimeout = 5, KeepAlive = 0,
        };
        await using var conn = new NpgsqlConnection(cs.ConnectionString);
        conn.Notification += (_, e) =>
        {
            if (e.Payload == ApiKeyChanges.All) store.ForgetAll();
            else store.Forget(e.Payload);
        };
        await conn.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand($"LISTEN {ApiKeyChanges.Channel}", conn)) await listen.ExecuteNonQueryAsync(ct);
        // Listening from here on; what was cached before may have changed unannounced.
        store.ForgetAll();
        store.Listening = true;
        onListening();
        while (true)
        {
            if (await conn.WaitAsync(Idle, ct)) continue;
            await using var ping = new NpgsqlCommand("SELECT 1", conn);
            await ping.ExecuteScalarAsync(ct);
        }
    }

    private void Unlisten()
    {
        if (!store.Listening) return;
        store.Listening = false;
        store.ForgetAll();
    }
}
