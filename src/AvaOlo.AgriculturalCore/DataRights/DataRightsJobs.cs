using AvaOlo.Data.Hosting;
using AvaOlo.ServiceDefaults;
using AvaOlo.ServiceDefaults.Telemetry;

namespace AvaOlo.AgriculturalCore.DataRights;

/// <summary>
/// Every 5 minutes on every instance: due erasures (rows claimed with SKIP LOCKED, so instances share the work), and
/// hourly the retention run (an advisory lock lets one instance do it). Failures are logged and retried next time;
/// nothing runs at start-up, so a slow database cannot delay it. AVAOLO_BACKGROUND_JOBS=false switches it off (tests).
/// </summary>
internal sealed class DataRightsJobs(ErasureJob erasure, RetentionJob retention, TelemetryOptions background, TimeProvider clock,
    ILogger<DataRightsJobs> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RetentionEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!background.BackgroundJobs) return;
        using var timer = new PeriodicTimer(Every, clock);
        var lastRetention = DateTimeOffset.MinValue;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryAsync("erasure", () => erasure.RunDueAsync(stoppingToken));
                if (clock.GetUtcNow() - lastRetention < RetentionEvery) continue;
                lastRetention = clock.GetUtcNow();
                await TryAsync("retention", () => retention.RunAsync(stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task TryAsync(string job, Func<Task> run)
    {
        try { await run(); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("The {Job} job failed and will run again in {Minutes} minutes: {Reason}", job, Every.TotalMinutes, DatabaseErrors.Describe(e));
        }
    }
}
