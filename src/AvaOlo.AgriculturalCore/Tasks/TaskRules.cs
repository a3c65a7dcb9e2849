using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.Tasks;

public static class TaskRules
{
    public const int MaxFields = 200;
    public const int MaxMaterials = 20;

    public sealed record Normalized(string Type, string Status, DateOnly? DueOn, DateOnly? DoneOn, int[] FieldIds,
        IReadOnlyList<TaskMaterialRequest> Materials, string? Notes);

    /// <summary>Shape and consistency checks; ownership of field and material ids is checked against the database after.</summary>
    public static (Normalized? Value, Errors Errors) Validate(TaskRequest r, DateOnly today)
    {
        var errors = new Errors();
        errors.Required("type", r.Type, 100);
        errors.MaxLength("notes", r.Notes, 4000);
        var status = Text.Clean(r.Status)?.ToLowerInvariant() ?? (r.DoneOn is null ? FarmTaskStatus.Planned : FarmTaskStatus.Done);
        if (!FarmTaskStatus.All.Contains(status)) errors.Add("status", $"must be one of {string.Join(", ", FarmTaskStatus.All)}");
        if (r.DoneOn is { } done && status != FarmTaskStatus.Done) errors.Add("done_on", "is only allowed when status is done");
        if (r.DoneOn > today) errors.Add("done_on", "must not be in the future");
        var doneOn = status == FarmTaskStatus.Done ? r.DoneOn ?? today : r.DoneOn;

        var fieldIds = r.FieldIds ?? [];
        if (fieldIds.Length == 0) errors.Add("field_ids", "must name at least one of the farmer's fields");
        if (fieldIds.Length > MaxFields) errors.Add("field_ids", $"must name at most {MaxFields} fields");
        if (fieldIds.Distinct().Count() != fieldIds.Length) errors.Add("field_ids", "must not repeat a field");

        var materials = r.Materials ?? [];
        if (materials.Length > MaxMaterials) errors.Add("materials", $"must list at most {MaxMaterials} materials");
        for (var i = 0; i < materials.Length; i++)
        {
            var m = materials[i];
            if (m is null) { errors.Add($"materials[{i}]", "must be an object"); continue; }
            if (m.MaterialId is null && string.IsNullOrWhiteSpace(m.Name)) errors.Add($"materials[{i}]", "needs a material_id or a name");
            errors.MaxLength($"materials[{i}].name", m.Name, 200);
            errors.MaxLength($"materials[{i}].unit", m.Unit, 32);
            if (m.Dose is < 0 or > 100_000) errors.Add($"materials[{i}].dose", "must be between 0 and 100000");
            if (m.Dose is not null && string.IsNullOrWhiteSpace(m.Unit) && m.MaterialId is null) errors.Add($"materials[{i}].unit", "is required with a dose");
        }
        if (errors.Any) return (null, errors);
        return (new(r.Type!.Trim(), status, r.DueOn, doneOn, fieldIds, materials, Text.Clean(r.Notes)), errors);
    }
}
