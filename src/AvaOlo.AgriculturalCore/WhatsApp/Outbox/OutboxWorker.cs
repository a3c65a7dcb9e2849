using AvaOlo.AgriculturalCore.WhatsApp.Inbox;
using AvaOlo.AgriculturalCore.WhatsApp.Onboarding;
using AvaOlo.Data.Entities;
using AvaOlo.ServiceDefaults;
using Microsoft.Extensions.Options;
using Npgsql;
using AvaOlo.Data.Hosting;

namespace AvaOlo.AgriculturalCore.WhatsApp.Outbox;

/// <summary>
/// Sends queued messages through their provider. The 24-hour window decides free text, template or skip; a transient
/// refusal (5xx, 429, timeout, network) is retried with backoff and after <see cref="MaxAttempts"/> the row is failed; a
/// permanent one (other 4xx) fails at once. A crash between the provider's acceptance and our record of it can send
/// that one message again when the lease runs out: the window this design cannot close (README).
/// </summary>
public sealed class OutboxWorker(NpgsqlDataSource data, IEnumerable<IMessageSender> senders, ChannelSignals signals, IOptions<WhatsAppOptions> options,
    IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<OutboxWorker> log) : BackgroundService
{
    public const int Concurrency = 8;
    public const int MaxAttempts = 6;
    // Longer than a send can take (the HTTP timeout is 10 s), so a live sender never loses its claim.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, IMessageSender> _senders = senders.ToDictionary(s => s.Provider);
    private readonly string _me = WorkerIdentity.Name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.AnyEnabled || !await Started.WaitAsync(lifetime, stoppingToken)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await OutboxWork.ClaimAsync(data, clock.GetUtcNow(), Lease, _me, Concurrency, stoppingToken);
                await Task.WhenAll(claimed.Select(m => SendGuardedAsync(m, stoppingToken)));
                if (claimed.Count > 0) continue; // a recipient's next part may be claimable now
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
            {
                log.LogWarning("WhatsApp outbox: database unavailable ({Reason}); retrying", DatabaseErrors.Describe(e));
            }
            catch (Exception e)
            {
                log.LogError(e, "WhatsApp outbox: unexpected error; retrying");
            }
            try { await signals.Outbox.WaitAsync(Poll, stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>One message's failure stays with it: its lease runs out and it is tried again.</summary>
    private async Task SendGuardedAsync(ClaimedSend m, CancellationToken ct)
    {
        try { await SendAsync(m, ct); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
        {
            log.LogWarning("WhatsApp message {OutboxId}: database unavailable while recording ({Reason}); the lease will run out and it is retried", m.Id,
                DatabaseErrors.Describe(e));
        }
        catch (Exception e)
        {
            log.LogError(e, "WhatsApp message {OutboxId}: unexpected error; the lease will run out and it is retried", m.Id);
        }
    }

    private async Task SendAsync(ClaimedSend m, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        if (!_senders.TryGetValue(m.Provider, out var sender) || !(m.Provider == ChannelProviders.Meta ? o.MetaEnabled : o.TwilioEnabled))
        {
            // The provider was turned off after the message was queued: keep it for when it is back on.
            await OutboxWork.RetryAsync(data, m.Id, now + Backoff.After(m.Attempts), $"the {m.Provider} channel is not configured on this instance", now, ct);
            return;
        }
        if (await ContactStore.IsOptedOutAsync(data, m.Recipient, m.Id, ct))
        {
            await OutboxWork.EndAsync(data, m.Id, OutboxStates.Skipped, null, "opted_out", now, ct);
            return;
        }
        var how = ServiceWindow.Decide(m.LastInbound, now, sender.TemplateAvailable);
        if (how.Mode == SendMode.Skip)
        {
            log.LogInformation("WhatsApp message {OutboxId} not sent: {Reason}", m.Id, how.Reason);
            await OutboxWork.EndAsync(data, m.Id, OutboxStates.Skipped, null, how.Reason, now, ct);
            return;
        }
        var result = await sender.SendAsync(new OutgoingMessage(m.Id, m.Recipient, m.Kind, m.Body, m.Buttons, how.Mode, m.ReplyTo), ct);
        now = clock.GetUtcNow();
        switch (result)
        {
            case SendResult.Sent s:
                await OutboxWork.SentAsync(data, m, s.ProviderMessageId, how, now, ct);
                break;
            case SendResult.Transient t when m.Attempts < MaxAttempts:
                log.LogWarning("WhatsApp message {OutboxId} attempt {Attempts} failed ({Error}); retrying", m.Id, m.Attempts, t.Error);
                await OutboxWork.RetryAsync(data, m.Id, now + Backoff.After(m.Attempts), t.Error, now, ct);
                break;
            case SendResult.Transient t:
                log.LogError("WhatsApp message {OutboxId} failed after {Attempts} attempts: {Error}", m.Id, m.Attempts, t.Error);
                await OutboxWork.EndAsync(data, m.Id, OutboxStates.Failed, t.Error, null, now, ct);
                AvaOlo.ServiceDefaults.Telemetry.ChannelMetrics.RecordSendFailure(m.Provider); // the dashboards' send-failure alarm
                break;
            case SendResult.Permanent p:
                log.LogError("WhatsApp message {OutboxId} refused by {Provider}: {Error}", m.Id, m.Provider, p.Error);
                await OutboxWork.EndAsync(data, m.Id, OutboxStates.Failed, p.Error, null, now, ct);
                AvaOlo.ServiceDefaults.Telemetry.ChannelMetrics.RecordSendFailure(m.Provider);
                break;
        }
    }
}
