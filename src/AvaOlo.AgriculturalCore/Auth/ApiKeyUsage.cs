using System.Collections.Concurrent;
using AvaOlo.ServiceDefaults.Telemetry;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Auth;

/// <summary>
/// Keeps api_keys.last_used_at (shown on the admin page) to the minute without a write per request: a request only
/// notes the key in memory, at most once a minute per key, and the notes are written in one UPDATE every 15 s (and
/// when the service stops). If the database is down the notes wait for the next round.
/// </summary>
public sealed class ApiKeyUsage(NpgsqlDataSource data, TimeProvider clock, ILogger<ApiKeyUsage> log)
{
    private static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<int, long> _noted = new();          // key id → when last noted (ms)
    private readonly ConcurrentDictionary<int, DateTimeOffset> _pending = new(); // key id → newest use not yet written

    public void Touch(int keyId)
    {
        var now = clock.GetUtcNow();
        var ms = now.ToUnixTimeMilliseconds();
        if (_noted.TryGetValue(keyId, out var last) && ms - last < Resolution.TotalMilliseconds) return;
        _noted[keyId] = ms;
        _pending[keyId] = now;
    }

    /// <summary>Writes what has been noted; returns how many keys were written.</summary>
    public async Task<int> FlushAsync(CancellationToken ct)
    {
        if (_pending.IsEmpty) return 0;
        var batch = _pending.ToArray();
        var ids = batch.Select(p => p.Key).ToArray();
        var times = batch.Select(p => p.Value).ToArray();
        await using var cmd = data.CreateCommand(
            "UPDATE api_keys k SET last_used_at = u.at FROM unnest($1::int[], $2::timestamptz[]) AS u(id, at) " +
            "WHERE k.id = u.id AND (k.last_used_at IS NULL OR k.last_used_at < u.at)");
        cmd.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = ids });
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = times });
        await cmd.ExecuteNonQueryAsync(ct);
        // Only what was written leaves the queue; a newer use noted meanwhile stays for the next round.
        foreach (var (id, at) in batch) _pending.TryRemove(new KeyValuePair<int, DateTimeOffset>(id, at));
        return batch.Length;
    }

    internal async Task TryFlushAsync(CancellationToken ct)
    {
        try
        {
            await FlushAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            log.LogWarning("Could not record API key use ({Error}); will retry", e.GetBaseException().Message);
        }
    }
}

/// <summary>Flushes <see cref="ApiKeyUsage"/> every 15 s, and once more at shutdown (unless AVAOLO_BACKGROUND_JOBS=false).</summary>
internal sealed class ApiKeyUsageFlusher(ApiKeyUsage usage, TelemetryOptions options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.BackgroundJobs) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await usage.TryFlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Without background jobs (tests) nothing writes on its own, not even at shutdown: a test host stopping while
        // the next test empties the tables deadlocked the reset (a Respawn DELETE against this UPDATE).
        if (options.BackgroundJobs) await usage.TryFlushAsync(cancellationToken);
    }
}
