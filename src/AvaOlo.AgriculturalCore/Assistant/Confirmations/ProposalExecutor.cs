using System.Globalization;
using System.Text.Json;
using AvaOlo.AgriculturalCore.Assistant.FarmFacts;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Assistant.Confirmations;

/// <summary>What carrying out (or declining) a proposal did, in the reply language.</summary>
public sealed record ProposalOutcome(bool Changed, string Text, string Language, IReadOnlyList<AnswerSource> Sources);

/// <summary>
/// Carries out a confirmed proposal, or records that it was declined. The proposal row is locked for the length of
/// the change, which commits with it and its audit rows in one transaction: two "yes" messages at once (on two
/// instances) change the records once, and a proposal is never half carried out.
/// </summary>
public sealed class ProposalExecutor(IDbContextFactory<AvaOloDbContext> contexts, FarmFactReader facts, TimeProvider clock)
{
    public async Task<ProposalOutcome?> ResolveAsync(long proposalId, bool confirmed, AssistantRequest request, CancellationToken ct)
    {
        var phrases = ConfirmationPhrases.For(request.Language);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Not composed (no LIMIT around it): PostgreSQL takes the row lock exactly as written.
        var proposal = (await db.PendingActions.FromSql($"SELECT * FROM pending_actions WHERE id = {proposalId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
        if (proposal is null || proposal.ResolvedAt is not null) return null; // another request answered it first
        proposal.ResolvedAt = clock.GetUtcNow();
        ProposalOutcome outcome;
        if (!confirmed)
        {
            proposal.Resolution = PendingActionResolutions.Declined;
            outcome = new(false, phrases.Declined, phrases.Language, []);
        }
        else
        {
            var (done, summary, sources) = proposal.Kind switch
            {
                PendingActionKinds.RecordTask => await RecordAsync(db, proposal, ct),
                PendingActionKinds.DeleteTask => await DeleteAsync(db, proposal, ct),
                PendingActionKinds.SetLocation => await LocateAsync(db, proposal, ct),
                _ => (false, $"unknown kind {proposal.Kind}", []),
            };
            proposal.Resolution = done ? PendingActionResolutions.Confirmed : PendingActionResolutions.Failed;
            proposal.Outcome = summary;
            var template = !done ? phrases.Failed : proposal.Kind == PendingActionKinds.DeleteTask ? phrases.Deleted : phrases.Recorded;
            outcome = new(done, string.Format(CultureInfo.InvariantCulture, template, proposal.Summary), phrases.Language, sources);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (outcome.Changed && proposal.Kind == PendingActionKinds.RecordTask && request.CountryCode is { } country)
            outcome = outcome with { Text = outcome.Text + await HarvestSafetyAsync(proposal, country, request, phrases, ct) };
        return outcome;
    }

    private static async Task<(bool, string, IReadOnlyList<AnswerSource>)> RecordAsync(AvaOloDbContext db, PendingAction proposal, CancellationToken ct)
    {
        var p = JsonSerializer.Deserialize<RecordTaskProposal>(proposal.Payload, Proposals.Json)!;
        // The fields must still be this farmer's: a field deleted since the proposal fails it rather than half-recording.
        var fields = await db.Fields.Where(f => f.FarmerId == proposal.FarmerId && p.FieldIds.Contains(f.Id)).ToListAsync(ct);
        if (fields.Count != p.FieldIds.Distinct().Count()) return (false, "a field of the proposal is no longer the farmer's", []);
        var task = new FarmTask
        {
            FarmerId = proposal.FarmerId, Type = p.Type, Status = FarmTaskStatus.Done, DoneOn = p.DoneOn,
            Notes = "reported to the assistant and confirmed by the farmer",
        };
        task.Fields.AddRange(fields.Select(f => new TaskField { FieldId = f.Id }));
        if (p.MaterialName is { } name)
            task.Materials.Add(new TaskMaterial { MaterialId = p.MaterialId, MaterialName = name, Dose = p.Dose, Unit = p.Unit });
        db.Tasks.Add(task);
        await db.SaveChangesAsync(ct); // the task's id, with its audit row, inside the proposal's transaction
        return (true, $"task {task.Id}", [new AnswerSource("task", task.Type, task.Id)]);
    }

    private static async Task<(bool, string, IReadOnlyList<AnswerSource>)> DeleteAsync(AvaOloDbContext db, PendingAction proposal, CancellationToken ct)
    {
        var p = JsonSerializer.Deserialize<DeleteTaskProposal>(proposal.Payload, Proposals.Json)!;
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == p.TaskId && t.FarmerId == proposal.FarmerId, ct);
        if (task is null) return (false, $"task {p.TaskId} no longer exists", []);
        db.Tasks.Remove(task);
        return (true, $"task {task.Id} deleted", [new AnswerSource("task", task.Type, task.Id)]);
    }

    private static async Task<(bool, string, IReadOnlyList<AnswerSource>)> LocateAsync(AvaOloDbContext db, PendingAction proposal, CancellationToken ct)
    {
        var p = JsonSerializer.Deserialize<SetLocationProposal>(proposal.Payload, Proposals.Json)!;
        var field = await db.Fields.FirstOrDefaultAsync(f => f.Id == p.FieldId && f.FarmerId == proposal.FarmerId, ct);
        if (field is null) return (false, $"field {p.FieldId} is no longer the farmer's", []);
        field.CentroidLat = Math.Round((decimal)p.Latitude, 6);
        field.CentroidLon = Math.Round((decimal)p.Longitude, 6);
        return (true, $"field {field.Id} located", [new AnswerSource("field", field.Name, field.Id)]);
    }

    /// <summary>After a spraying is recorded: from when each field is safe to harvest, by the product's interval in the farmer's country.</summary>
    private async Task<string> HarvestSafetyAsync(PendingAction proposal, string country, AssistantRequest request, ConfirmationPhrases phrases, CancellationToken ct)
    {
        var p = JsonSerializer.Deserialize<RecordTaskProposal>(proposal.Payload, Proposals.Json)!;
        var sentences = new List<string>();
        foreach (var fieldId in p.FieldIds.Distinct().Take(5))
        {
            var safety = await facts.HarvestSafetyAsync(proposal.FarmerId, fieldId, request.Today, country, ct);
            if (safety is { SafeFrom: { } from, PreHarvestIntervalDays: { } days, Product: { } product, Safe: false })
                sentences.Add(string.Format(CultureInfo.InvariantCulture, phrases.SafeFrom, safety.FieldName,
                    ProposalSummary.Date(from, phrases.Language), product, ProposalSummary.Days(days, phrases.Language)));
        }
        return sentences.Count == 0 ? "" : " " + string.Join(" ", sentences);
    }
}
