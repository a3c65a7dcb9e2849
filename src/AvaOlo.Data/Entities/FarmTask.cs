namespace AvaOlo.Data.Entities;

/// <summary>Work on one or more fields: sowing, spraying, harvest… The type is free text.</summary>
public sealed class FarmTask : IAuditable, IAuditExtras, IFarmerOwned
{
    public int Id { get; set; }
    public int FarmerId { get; set; }
    public required string Type { get; set; }
    public required string Status { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<TaskField> Fields { get; set; } = [];
    public List<TaskMaterial> Materials { get; set; } = [];

    int? IAuditable.OwnerFarmerId => FarmerId;

    IEnumerable<KeyValuePair<string, object?>> IAuditExtras.AuditExtras() =>
    [
        new("field_ids", Fields.Select(f => f.FieldId).Order().ToArray()),
        new("materials", Materials.Select(m => new { m.MaterialId, m.MaterialName, m.Dose, m.Unit }).ToArray()),
    ];
}

public sealed class TaskField
{
    public int TaskId { get; set; }
    public int FieldId { get; set; }
    public Field? Field { get; set; }
}

public sealed class TaskMaterial
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public int? MaterialId { get; set; }
    public required string MaterialName { get; set; }
    public decimal? Dose { get; set; }
    /// <summary>Unit of the dose, e.g. "l/ha", "kg/ha", "t/ha".</summary>
    public string? Unit { get; set; }
    public Material? Material { get; set; }
}

public static class FarmTaskStatus
{
    public const string Planned = "planned";
    public const string Done = "done";
    public const string Cancelled = "cancelled";
    public static readonly string[] All = [Planned, Done, Cancelled];
}
