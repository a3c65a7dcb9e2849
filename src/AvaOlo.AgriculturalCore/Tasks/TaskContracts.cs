using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.Tasks;

/// <summary>Create or replace a task. type is free text (sowing, spraying, fertilising, harvest, …).</summary>
public sealed record TaskRequest(
    string? Type, string? Status, DateOnly? DueOn, DateOnly? DoneOn, int[]? FieldIds, TaskMaterialRequest[]? Materials, string? Notes);

/// <summary>A material used: a catalogue id, or a free-text name for inputs not in the catalogue.</summary>
public sealed record TaskMaterialRequest(int? MaterialId, string? Name, decimal? Dose, string? Unit);

public sealed record TaskFieldRef(int Id, string Name, decimal AreaHa);

public sealed record TaskMaterialResponse(int? MaterialId, string Name, decimal? Dose, string? Unit);

public sealed record TaskResponse(
    int Id, int FarmerId, string Type, string Status, DateOnly? DueOn, DateOnly? DoneOn, string? Notes,
    IReadOnlyList<TaskFieldRef> Fields, IReadOnlyList<TaskMaterialResponse> Materials, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public static class TaskMapping
{
    /// <summary>Needs Fields.Field and Materials loaded.</summary>
    public static TaskResponse ToResponse(this FarmTask t) => new(
        t.Id, t.FarmerId, t.Type, t.Status, t.DueOn, t.DoneOn, t.Notes,
        t.Fields.Where(f => f.Field is not null).OrderBy(f => f.Field!.Name).Select(f => new TaskFieldRef(f.FieldId, f.Field!.Name, f.Field.AreaHa)).ToList(),
        t.Materials.OrderBy(m => m.Id).Select(m => new TaskMaterialResponse(m.MaterialId, m.MaterialName, m.Dose, m.Unit)).ToList(),
        t.CreatedAt, t.UpdatedAt);
}
