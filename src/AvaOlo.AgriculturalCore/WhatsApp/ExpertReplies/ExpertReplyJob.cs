using AvaOlo.Data.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AvaOlo.AgriculturalCore.WhatsApp.ExpertReplies;

/// <summary>
/// Brings the workbench's expert texts to WhatsApp farmers: every few seconds, each instance looks for saved expert
/// texts of WhatsApp exchanges not yet queued and queues them (<see cref="ExpertReplyWork"/>); the outbox sends them
/// under its usual rules (24-hour window or template, opt-out, retries). The dashboards only write the conversation,
/// so they need no channel settings; a save is at most <see cref="Poll"/> from the outbox.
/// </summary>
public sealed class ExpertReplyJob(NpgsqlDataSource data, IOptions<WhatsAppOptions> options, IHostApplicationLifetime lifetime, TimeProvider clock,
    ILogger<ExpertReplyJob> log) : BackgroundService
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(3);
    /// <summary>Saves older than this are not looked at (an expert text a week late is not sent; the scan stays small).</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(7);
    private const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.AnyEnabled || !await Started.WaitAsync(lifetime, stoppingToken)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                foreach (var id in await ExpertReplyWork.CandidatesAsync(data, now - Horizon, Batch, stoppingToken))
                {
                    var parts = await ExpertReplyWork.QueueAsync(data, id, clock.GetUtcNow(), stoppingToken);
                    if (parts > 0) log.LogInformation("WhatsApp: queued the expert text of exchange {ConversationId} ({Parts} part(s))", id, parts);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
            {
                log.LogWarning("WhatsApp expert replies: database unavailable ({Reason}); retrying", DatabaseErrors.Describe(e));
            }
            catch (Exception e)
            {
                log.LogError(e, "WhatsApp expert replies: unexpected error; retrying");
            }
            try { await Task.Delay(Poll, clock, stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }
}
