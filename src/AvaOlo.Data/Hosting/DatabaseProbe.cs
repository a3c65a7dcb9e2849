using System.Diagnostics;
using Npgsql;

namespace AvaOlo.Data.Hosting;

/// <summary>
/// Answers "can we serve?": is the database reachable, and is its schema the one this build knows.
/// Results are cached briefly so health checks and the schema gate cost one query per second at most.
/// </summary>
public sealed class DatabaseProbe(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DatabaseHealth? _last;
    private DateTimeOffset _lastAt;

    // A ValueTask: the schema gate asks on every API request, and nearly always the answer is the cached one.
    public ValueTask<DatabaseHealth> CheckAsync(CancellationToken ct) =>
        _last is { } cached && clock.GetUtcNow() - _lastAt < FreshFor ? ValueTask.FromResult(cached) : new(ProbeOnceAsync(ct));

    private async Task<DatabaseHealth> ProbeOnceAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_last is { } again && clock.GetUtcNow() - _lastAt < FreshFor) return again;
            _last = await ProbeAsync(ct);
            _lastAt = clock.GetUtcNow();
            return _last;
        }
        finally { _gate.Release(); }
    }

    /// <summary>Forget the cached result, e.g. after a request saw the database fail.</summary>
    public void Invalidate() => _lastAt = DateTimeOffset.MinValue;

    private async Task<DatabaseHealth> ProbeAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await using var conn = await dataSource.OpenConnectionAsync(timeout.Token);
            var (applied, floors) = await Schema.ReadAsync(conn, timeout.Token);
            var status = Schema.Compare(applied, Schema.KnownMigrations, floors);
            return new(true, Stopwatch.GetElapsedTime(started).TotalMilliseconds, status, null);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            DatabaseMetrics.RecordConnectionError();
            var reason = e is OperationCanceledException ? $"no answer within {ProbeTimeout.TotalSeconds:0} s" : DatabaseErrors.Describe(e);
            return new(false, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, reason);
        }
    }
}

public sealed record DatabaseHealth(bool Reachable, double LatencyMs, SchemaStatus? Schema, string? Error)
{
    public bool CanServe => Reachable && Schema is { CanServe: true };
    public string Reason => !Reachable ? $"database unreachable: {Error}" : Schema!.Reason;
}
