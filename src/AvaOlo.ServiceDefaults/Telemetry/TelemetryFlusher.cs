using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>Where the minutes go besides the EMF lines: PostgreSQL, registered by the database (AvaOlo.Data).</summary>
public interface IRollupStore
{
    /// <summary>Writes the minutes all or nothing, so a retry never double-counts.</summary>
    Task WriteAsync(IReadOnlyList<InstanceMinute> minutes, CancellationToken ct);

    /// <summary>Deletes what is older than <paramref name="before"/>; returns the rows removed.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct);

    /// <summary>A short reason for a failure, safe to log: never a connection string or password.</summary>
    string Describe(Exception e);
}

/// <summary>
/// Once a minute: samples the process, collects the minute reader (the exporter turns the collection into this
/// instance's minute), writes its EMF line, then the rollups. A failed write keeps the minutes for the next try (at
/// most MaxPending; the oldest are dropped and counted) and is logged, never thrown. Once an hour it prunes rollups
/// past the retention. Tests call FlushNowAsync to see this instance's traffic in the database at once.
/// </summary>
public sealed class TelemetryFlusher(
    MinutePipeline minutes, MinuteExporter exporter, EmfWriter emf, IOptions<TelemetryOptions> options, TimeProvider clock,
    ILogger<TelemetryFlusher> log, IRollupStore? store = null) : BackgroundService
{
    public const int MaxPending = 240;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<InstanceMinute> _pending = [];
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    public long FlushFailures { get; private set; }
    public long DroppedMinutes { get; private set; }
    public int PendingMinutes => _pending.Count;
    public DateTimeOffset? LastSuccessAt { get; private set; }

    /// <summary>Collects and writes now, the unfinished minute included; true when everything reached the store.</summary>
    public async Task<bool> FlushNowAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            ProcessSampler.Shared.Sample();
            RequestsInFlight.Shared.Roll();
            minutes.Collect();
            foreach (var minute in exporter.Take())
            {
                emf.Write(minute);
                _pending.Add(minute);
            }
            if (_pending.Count > MaxPending)
            {
                DroppedMinutes += _pending.Count - MaxPending;
                _pending.RemoveRange(0, _pending.Count - MaxPending);
            }
            if (_pending.Count == 0 || store is null) return true;
            await store.WriteAsync(_pending, ct);
            _pending.Clear();
            LastSuccessAt = clock.GetUtcNow();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            FlushFailures++;
            log.LogWarning("Telemetry flush failed ({Reason}); {Pending} minute(s) kept for the next try, {Failures} failure(s) so far",
                store?.Describe(e) ?? e.GetType().Name, _pending.Count, FlushFailures);
            return false;
        }
        finally { _gate.Release(); }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundJobs) return;
        while (await Minutes.WaitForNextAsync(clock, TimeSpan.FromSeconds(1), stoppingToken))
        {
            await FlushNowAsync(stoppingToken);
            await PruneIfDueAsync(stoppingToken);
        }
        // Shutting down (SIGTERM): one last try so the final minute is not lost.
        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await FlushNowAsync(last.Token);
    }

    private async Task PruneIfDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (store is null || now - _lastPrune < TimeSpan.FromHours(1)) return;
        _lastPrune = now;
        var days = options.Value.RetentionDays;
        try
        {
            var removed = await store.PruneAsync(now.AddDays(-days), ct);
            if (removed > 0) log.LogInformation("Pruned {Rows} telemetry rows older than {Days} days", removed, days);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Telemetry pruning failed ({Reason}); will retry in an hour", store.Describe(e));
        }
    }
}
