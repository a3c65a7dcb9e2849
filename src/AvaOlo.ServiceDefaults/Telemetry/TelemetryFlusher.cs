using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>
/// Once a minute: takes the closed minutes from the aggregator, writes them as EMF lines, then to PostgreSQL.
/// A failed database write keeps the minutes for the next try (at most MaxPending; the oldest are dropped and
/// counted) and is logged and counted, never thrown. Once an hour it prunes rollups past the retention.
/// Tests call FlushNowAsync to see this instance's traffic in the database at once.
/// </summary>
public sealed class TelemetryFlusher(
    MinuteAggregator aggregator, RollupStore store, EmfWriter emf, TelemetryOptions options, TimeProvider clock,
    ILogger<TelemetryFlusher> log) : BackgroundService
{
    public const int MaxPending = 240;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<FlushedMinute> _pending = [];
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    public long FlushFailures { get; private set; }
    public long DroppedMinutes { get; private set; }
    public int PendingMinutes => _pending.Count;
    public DateTimeOffset? LastSuccessAt { get; private set; }

    /// <summary>Flushes now, the current (unfinished) minute included; true when everything reached the database.</summary>
    public Task<bool> FlushNowAsync(CancellationToken ct = default) => FlushAsync(includeCurrent: true, ct);

    public async Task<bool> FlushAsync(bool includeCurrent, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            foreach (var minute in aggregator.TakeClosed(includeCurrent, ProcessSampler.Shared.Sample()))
            {
                emf.Write(minute);
                _pending.Add(minute);
            }
            if (_pending.Count > MaxPending)
            {
                DroppedMinutes += _pending.Count - MaxPending;
                _pending.RemoveRange(0, _pending.Count - MaxPending);
            }
            if (_pending.Count == 0) return true;
            await store.WriteAsync(_pending, ct);
            _pending.Clear();
            LastSuccessAt = clock.GetUtcNow();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            FlushFailures++;
            if (DatabaseErrors.IsUnavailable(e)) AvaOloMetrics.RecordDatabaseConnectionError();
            log.LogWarning("Telemetry flush failed ({Reason}); {Pending} minute(s) kept for the next try, {Failures} failure(s) so far",
                DatabaseErrors.Describe(e), _pending.Count, FlushFailures);
            return false;
        }
        finally { _gate.Release(); }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.BackgroundJobs) return;
        while (await MinuteAggregator.WaitForNextMinuteAsync(clock, TimeSpan.FromSeconds(1), stoppingToken))
        {
            await FlushAsync(includeCurrent: false, stoppingToken);
            await PruneIfDueAsync(stoppingToken);
        }
        // Shutting down (SIGTERM): one last try so the final minute is not lost.
        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await FlushAsync(includeCurrent: true, last.Token);
    }

    private async Task PruneIfDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now - _lastPrune < TimeSpan.FromHours(1)) return;
        _lastPrune = now;
        try
        {
            var removed = await store.PruneAsync(now.AddDays(-options.RetentionDays), ct);
            if (removed > 0) log.LogInformation("Pruned {Rows} telemetry rows older than {Days} days", removed, options.RetentionDays);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Telemetry pruning failed ({Reason}); will retry in an hour", DatabaseErrors.Describe(e));
        }
    }
}
