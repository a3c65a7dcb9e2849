using System.Text.Json;
using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Assistant.Confirmations;

/// <summary>A proposal the farmer was asked to confirm, as the response's metadata shows it.</summary>
public sealed record PendingConfirmation(long Id, string Kind, string Summary, DateTimeOffset ExpiresAt);

/// <summary>
/// Proposed changes waiting for the farmer's yes, in PostgreSQL (pending_actions) so any instance can carry them out.
/// A new proposal in a thread supersedes the open ones: the farmer's "yes" always answers the latest question.
/// </summary>
public sealed class Proposals(IDbContextFactory<AvaOloDbContext> contexts, TimeProvider clock)
{
    /// <summary>How long a proposal waits for the farmer's answer (a farmer may reply the next morning).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<PendingConfirmation> ProposeAsync(Asking who, Guid threadId, string kind, object payload, string summary, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var farmerId = who.Asker.FarmerId ?? throw new InvalidOperationException("only a known farmer's records can change");
        await db.PendingActions.Where(p => p.FarmerId == farmerId && p.ThreadId == threadId && p.ResolvedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ResolvedAt, now).SetProperty(p => p.Resolution, PendingActionResolutions.Superseded), ct);
        var row = new PendingAction
        {
            FarmerId = farmerId, ThreadId = threadId, Kind = kind, Payload = JsonSerializer.Serialize(payload, Json),
            Summary = summary.Length > 1000 ? summary[..1000] : summary, Channel = who.Channel, ProposedByKeyId = who.ApiKeyId,
            CreatedAt = now, ExpiresAt = now + Lifetime,
        };
        db.PendingActions.Add(row);
        await db.SaveChangesAsync(ct);
        return new(row.Id, row.Kind, row.Summary, row.ExpiresAt);
    }

    /// <summary>Closes a proposal the farmer was never shown (the answer that asked for it was not delivered).</summary>
    public async Task WithdrawAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.PendingActions.Where(p => p.Id == id && p.ResolvedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.ResolvedAt, now).SetProperty(p => p.Resolution, PendingActionResolutions.Failed)
            .SetProperty(p => p.Outcome, "withdrawn: the answer that proposed it was not given"), ct);
    }

    /// <summary>The open, unexpired proposal of this farmer's thread, if any.</summary>
    public async Task<PendingAction?> OpenAsync(int farmerId, Guid threadId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.PendingActions.AsNoTracking()
            .Where(p => p.FarmerId == farmerId && p.ThreadId == threadId && p.ResolvedAt == null && p.ExpiresAt > now)
            .OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
    }
}
