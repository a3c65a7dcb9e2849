using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AvaOlo.ServiceDefaults;

/// <summary>
/// The drain phase of a shutdown. SIGTERM (or Ctrl-C) fires ApplicationStopping at once; the host then runs every
/// StoppingAsync before any hosted service's StopAsync, and Kestrel closes its listener in the web host's
/// StopAsync. So from ApplicationStopping until this StoppingAsync returns the listener stays open while
/// <see cref="ShutdownDrainGate"/> answers /health and new requests with 503: a load balancer takes the instance
/// out and no connection lands in a listen backlog that is about to be closed (the kernel resets those).
/// A host stopped in code (StopAsync without StopApplication, as test hosts are) fires ApplicationStopping only
/// after StoppingAsync, so it does not drain.
/// </summary>
public sealed class ShutdownDrain(IOptions<ShutdownDrainOptions> options, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<ShutdownDrain> logger)
    : IHostedLifecycleService
{
    // Read when first needed, not when the host builds its hosted services: those are made before the start-up
    // validation runs, and a bad value must be reported with the other bad settings.
    private TimeSpan Period => options.Value.Period;
    private readonly Lock _gate = new();
    private volatile bool _draining;
    private long _startedAt;
    private long _refused;

    public bool Enabled => Period > TimeSpan.Zero;

    /// <summary>True from the start of the drain until the process ends (Kestrel's own stop included).</summary>
    public bool Draining => _draining;

    internal void CountRefused() => Interlocked.Increment(ref _refused);

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (Enabled) lifetime.ApplicationStopping.Register(static s => ((ShutdownDrain)s!).Begin(), this);
        return Task.CompletedTask;
    }

    private void Begin()
    {
        lock (_gate)
        {
            if (_draining) return;
            _startedAt = clock.GetTimestamp();
            _draining = true;
        }
        logger.LogInformation("Shutting down: draining for {DrainSeconds} s; /health and new requests answer 503 while requests in flight finish", Period.TotalSeconds);
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        // ApplicationStopping runs the host's own callback (which starts this stop) before ours, and maybe on
        // another thread: so begin here too rather than rely on Begin having run already.
        if (!Enabled || !lifetime.ApplicationStopping.IsCancellationRequested) return;
        Begin();
        var remaining = Period - clock.GetElapsedTime(_startedAt);
        try
        {
            if (remaining > TimeSpan.Zero) await Task.Delay(remaining, clock, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout ran out first: stop the server now rather than not at all.
        }
        logger.LogInformation("Drain ended after {DrainedSeconds} s, {RefusedRequests} new requests refused; closing the listener, requests in flight finish",
            Math.Round(clock.GetElapsedTime(_startedAt).TotalSeconds, 1), Interlocked.Read(ref _refused));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
