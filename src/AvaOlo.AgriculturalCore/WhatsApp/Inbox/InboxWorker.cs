using System.Collections.Concurrent;
using AvaOlo.AgriculturalCore.WhatsApp.Answering;
using AvaOlo.AgriculturalCore.WhatsApp.Outbox;
using AvaOlo.Data.Entities;
using AvaOlo.ServiceDefaults;
using Microsoft.Extensions.Options;
using Npgsql;
using AvaOlo.Data.Hosting;

namespace AvaOlo.AgriculturalCore.WhatsApp.Inbox;

/// <summary>
/// Answers received messages: claims up to <see cref="Concurrency"/> at a time (each the oldest of its sender), asks
/// the assistant, and commits the reply parts with the message's new state. A failure is retried with backoff and
/// after <see cref="MaxAttempts"/> the message is marked failed and the farmer told so — never dropped in silence.
/// While a message is processed its lease is renewed; a killed instance's lease runs out and another takes over.
/// </summary>
public sealed class InboxWorker(NpgsqlDataSource data, IServiceScopeFactory scopes, ChannelSignals signals, IOptions<WhatsAppOptions> options,
    IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<InboxWorker> log) : BackgroundService
{
    public const int Concurrency = 4;
    public const int MaxAttempts = 5;
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Renew = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    private readonly string _me = WorkerIdentity.Name;
    private readonly ConcurrentDictionary<long, byte> _running = new();
    private readonly SemaphoreSlim _slots = new(Concurrency, Concurrency);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.AnyEnabled || !await Started.WaitAsync(lifetime, stoppingToken)) return;
        using var renewal = new PeriodicTimer(Renew, clock);
        var renewing = RenewLeasesAsync(renewal, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var free = _slots.CurrentCount;
                var claimed = free == 0 ? [] : await InboxWork.ClaimAsync(data, clock.GetUtcNow(), Lease, _me, free, stoppingToken);
                foreach (var m in claimed)
                {
                    await _slots.WaitAsync(stoppingToken);
                    _running[m.Id] = 0;
                    _ = Task.Run(() => ProcessAsync(m, stoppingToken), CancellationToken.None);
                }
                if (claimed.Count > 0 && claimed.Count == free) continue; // there may be more
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
            {
                log.LogWarning("WhatsApp inbox: database unavailable ({Reason}); retrying", DatabaseErrors.Describe(e));
            }
            catch (Exception e)
            {
                log.LogError(e, "WhatsApp inbox: unexpected error; retrying");
            }
            try { await signals.Inbox.WaitAsync(Poll, stoppingToken); } catch (OperationCanceledException) { break; }
        }
        await renewing;
    }

    private async Task ProcessAsync(ClaimedMessage m, CancellationToken stop)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var reply = await scope.ServiceProvider.GetRequiredService<ReplyComposer>().ComposeAsync(m, stop);
            var parts = ReplyParts.Of(reply.Text, m.Provider, reply.Buttons, reply.ButtonHint);
            if (!await InboxWork.FinishAsync(data, m.Id, InboxStates.Answered, parts, reply.FarmerId, reply.ConversationId, null, clock.GetUtcNow(), stop,
                reply.ReviewFlag))
                log.LogWarning("WhatsApp message {InboxId} was answered by another instance first; this answer is not sent", m.Id);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await ReleaseAsync(m.Id); // shutting down: another instance may take it at once
        }
        catch (Exception e)
        {
            await GiveUpOrRetryAsync(m, e, stop);
        }
        finally
        {
            _running.TryRemove(m.Id, out _);
            _slots.Release();
            signals.Inbox.Raise(); // a slot is free, and this sender's next message may be waiting
        }
    }

    private async Task GiveUpOrRetryAsync(ClaimedMessage m, Exception e, CancellationToken stop)
    {
        var reason = DatabaseErrors.IsUnavailable(e) ? $"database unavailable: {DatabaseErrors.Describe(e)}" : $"{e.GetType().Name}: {e.Message}";
        reason = reason[..Math.Min(reason.Length, 2000)];
        try
        {
            if (m.Attempts >= MaxAttempts)
            {
                log.LogError(e, "WhatsApp message {InboxId} failed {Attempts} times; marked failed and the farmer told", m.Id, m.Attempts);
                var (_, sorry) = ChannelPhrases.Failed(ReplyComposer.LanguageOf(null, m.SenderCountry));
                await InboxWork.FinishAsync(data, m.Id, InboxStates.Failed, [new ReplyPart(sorry)], null, null, reason, clock.GetUtcNow(), stop);
            }
            else
            {
                log.LogWarning("WhatsApp message {InboxId} attempt {Attempts} failed ({Reason}); retrying", m.Id, m.Attempts, reason);
                await InboxWork.RetryAsync(data, m.Id, clock.GetUtcNow() + Backoff.After(m.Attempts), reason, stop);
            }
        }
        catch (Exception)
        {
            // Cannot record it now: the lease runs out and the message is claimed again.
        }
    }

    private async Task RenewLeasesAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var ids = _running.Keys.ToArray();
                if (ids.Length == 0) continue;
                try { await InboxWork.ExtendAsync(data, ids, clock.GetUtcNow() + Lease, _me, stop); }
                catch (Exception e) when (DatabaseErrors.IsUnavailable(e)) { log.LogWarning("WhatsApp inbox: cannot renew leases ({Reason})", DatabaseErrors.Describe(e)); }
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task ReleaseAsync(long id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try { await InboxWork.ReleaseAsync(data, [id], _me, timeout.Token); }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e) || e is OperationCanceledException) { } // the leases run out instead
    }
}

/// <summary>Who holds a lease: unique per process, so a restarted instance never mistakes an old claim for its own.</summary>
internal static class WorkerIdentity
{
    public static readonly string Name = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
