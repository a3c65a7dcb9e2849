using AvaOlo.AgriculturalCore.Assistant.Catalogue;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Assistant.FarmFacts;

public sealed record FieldFact(int Id, string Name, decimal AreaHa);

public sealed record PlantingFact(int FieldId, string FieldName, decimal AreaHa, string Crop, string? Variety, int Season, string Status,
    int? PlantCount, DateOnly? SownOn, DateOnly? ExpectedHarvestOn);

public sealed record TaskFact(int Id, string Type, string Status, DateOnly? DueOn, DateOnly? DoneOn, IReadOnlyList<string> Fields,
    IReadOnlyList<string> Materials);

/// <summary>One input applied on a done task: the dose per hectare and the hectares of the task's fields.</summary>
public sealed record MaterialUse(string Material, decimal? Dose, string? Unit, decimal AreaHa, DateOnly DoneOn);

public sealed record HarvestSafety(string FieldName, string? Crop, DateOnly? LastSprayedOn, string? Product, int? PreHarvestIntervalDays,
    DateOnly? SafeFrom, bool Safe, string Reason);

/// <summary>
/// Read-only facts about ONE farmer's records, shared by the rule-based answers and the model's tools. Every
/// method takes the farmer id from the request context, never from the model, so no tool can reach another
/// farmer's rows.
/// </summary>
public sealed class FarmFactReader(NpgsqlDataSource data, IDbContextFactory<AvaOloDbContext> contexts)
{
    // The reads every question makes go through hand-written SQL (see FarmFactsSql); the rarer ones (tasks, harvest
    // safety) keep EF, with a DbContext made only when one of them runs, not on every question.

    public Task<List<FieldFact>> FieldsAsync(int farmerId, CancellationToken ct) =>
        Sql.ListAsync(data, FarmFactsSql.Fields, static r => new FieldFact(r.GetInt32(0), r.GetString(1), r.GetDecimal(2)), ct, farmerId);

    /// <summary>This season's plantings plus earlier ones still in the ground (<see cref="PlantingQueries.InSeason"/>).</summary>
    public Task<List<PlantingFact>> PlantingsAsync(int farmerId, int year, CancellationToken ct) =>
        Sql.ListAsync(data, FarmFactsSql.PlantingsInSeason, static r => new PlantingFact(r.GetInt32(0), r.GetString(1), r.GetDecimal(2),
            r.GetString(3), r.NullableString(4), r.GetInt32(5), r.GetString(6), r.Nullable<int>(7), r.Nullable<DateOnly>(8), r.Nullable<DateOnly>(9)),
            ct, farmerId, year, PlantingStatus.Planned, PlantingStatus.Growing);

    public async Task<List<TaskFact>> TasksAsync(int farmerId, DateOnly from, DateOnly to, string? status, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Tasks.AsNoTracking().Where(t => t.FarmerId == farmerId && (t.DoneOn ?? t.DueOn) >= from && (t.DoneOn ?? t.DueOn) <= to);
        if (status is not null) query = query.Where(t => t.Status == status);
        var tasks = await query.OrderBy(t => t.DoneOn ?? t.DueOn).Take(50)
            .Include(t => t.Fields).ThenInclude(f => f.Field).Include(t => t.Materials).AsSplitQuery().ToListAsync(ct);
        return tasks.Select(t => new TaskFact(t.Id, t.Type, t.Status, t.DueOn, t.DoneOn,
            t.Fields.Select(f => f.Field!.Name).Order().ToList(),
            t.Materials.Select(m => m.Dose is null ? m.MaterialName : $"{m.MaterialName} {m.Dose:0.###} {m.Unit}").ToList())).ToList();
    }

    /// <summary>The inputs of the farmer's done tasks between two dates, optionally only on one field.</summary>
    public async Task<List<MaterialUse>> MaterialUsesAsync(int farmerId, DateOnly from, DateOnly to, int? fieldId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var tasks = db.Tasks.AsNoTracking().Where(t => t.FarmerId == farmerId && t.Status == FarmTaskStatus.Done && t.DoneOn >= from && t.DoneOn <= to);
        if (fieldId is { } id) tasks = tasks.Where(t => t.Fields.Any(f => f.FieldId == id));
        return await tasks.SelectMany(t => t.Materials.Select(m => new MaterialUse(m.MaterialName, m.Dose, m.Unit,
                t.Fields.Where(f => fieldId == null || f.FieldId == fieldId).Sum(f => f.Field!.AreaHa), t.DoneOn!.Value)))
            .Take(200).ToListAsync(ct);
    }

    /// <summary>
    /// May the crop on this field be harvested on the date? The last done spraying with a product that has a
    /// pre-harvest interval for the crop in the farmer's country decides.
    /// </summary>
    public async Task<HarvestSafety?> HarvestSafetyAsync(int farmerId, int fieldId, DateOnly date, string country, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var field = await db.Fields.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fieldId && f.FarmerId == farmerId, ct);
        if (field is null) return null;
        var crop = (await PlantingsAsync(farmerId, date.Year, ct)).FirstOrDefault(p => p.FieldId == fieldId)?.Crop;
        var sprayings = await db.Tasks.AsNoTracking()
            .Where(t => t.FarmerId == farmerId && t.Status == FarmTaskStatus.Done && t.DoneOn != null && t.DoneOn <= date && t.Fields.Any(f => f.FieldId == fieldId))
            .SelectMany(t => t.Materials.Where(m => m.MaterialId != null).Select(m => new { t.DoneOn, m.Material!.Name, m.MaterialId }))
            .ToListAsync(ct);
        var canonical = crop is null ? null : CropNames.Canonical(crop);
        var rules = await db.MaterialRules.AsNoTracking().Where(r => r.CountryCode == country && r.PreHarvestIntervalDays != null).ToListAsync(ct);
        var binding = sprayings
            .Select(s => (s.DoneOn, s.Name, Rule: rules.FirstOrDefault(r => r.MaterialId == s.MaterialId && (canonical is null || r.Crop == canonical))))
            .Where(s => s.Rule is not null)
            .Select(s => (s.DoneOn, s.Name, Days: s.Rule!.PreHarvestIntervalDays!.Value, SafeFrom: s.DoneOn!.Value.AddDays(s.Rule.PreHarvestIntervalDays!.Value)))
            .OrderByDescending(s => s.SafeFrom).FirstOrDefault();
        if (binding.Name is null)
            return new(field.Name, crop, null, null, null, date, true, "no spraying with a pre-harvest interval is recorded for this field");
        var safe = date >= binding.SafeFrom;
        return new(field.Name, crop, binding.DoneOn, binding.Name, binding.Days, binding.SafeFrom, safe,
            safe ? "the pre-harvest interval has passed" : "the pre-harvest interval has not passed yet");
    }
}
