namespace AvaOlo.Cli.Seeding;

// Rows of one batch of seed data. Keys are positions in the batch's lists; SeedWriter maps them to ids
// taken from the tables' sequences when the batch is copied in.

internal sealed record FarmerRow(string Name, string? FarmName, string Phone, string? Email, string? Address, string? VatNumber,
    string CountryCode, string? Language, DateTimeOffset CreatedAt);

internal sealed record FieldRow(int FarmerKey, string Name, decimal AreaHa, decimal? Lat, decimal? Lon, string? BoundaryGeoJson,
    string? Notes, DateTimeOffset CreatedAt);

internal sealed record PlantingRow(int FieldKey, int FarmerKey, string CropName, string? Variety, int SeasonYear, DateOnly? SownOn,
    DateOnly? ExpectedHarvestOn, DateOnly? HarvestedOn, decimal? ExpectedYieldTPerHa, int? PlantCount, string Status, DateTimeOffset CreatedAt);

internal sealed record TaskRow(int FarmerKey, string Type, string Status, DateOnly? DueOn, DateOnly? DoneOn, string? Notes, DateTimeOffset CreatedAt);

internal sealed record TaskMaterialRow(int TaskKey, int? MaterialId, string MaterialName, decimal? Dose, string? Unit);

internal sealed record TaskMaterialSpec(string Name, decimal Dose, string Unit);

internal sealed class SeedBatch
{
    public List<FarmerRow> Farmers { get; } = [];
    public List<FieldRow> Fields { get; } = [];
    public List<PlantingRow> Plantings { get; } = [];
    public List<TaskRow> Tasks { get; } = [];
    public List<(int TaskKey, int FieldKey)> TaskFields { get; } = [];
    public List<TaskMaterialRow> TaskMaterials { get; } = [];

    /// <summary>Catalogue material ids by name; a task's material is linked when its name is in the catalogue.</summary>
    public required IReadOnlyDictionary<string, int> MaterialIds { get; init; }

    public int Add(FarmerRow row) { Farmers.Add(row); return Farmers.Count - 1; }
    public int Add(FieldRow row) { Fields.Add(row); return Fields.Count - 1; }
    public int Add(PlantingRow row) { Plantings.Add(row); return Plantings.Count - 1; }

    public int AddTask(TaskRow row, IEnumerable<int> fieldKeys, params TaskMaterialSpec[] materials)
    {
        Tasks.Add(row);
        var key = Tasks.Count - 1;
        foreach (var field in fieldKeys.Distinct()) TaskFields.Add((key, field));
        foreach (var m in materials)
            TaskMaterials.Add(new(key, MaterialIds.TryGetValue(m.Name, out var id) ? id : null, m.Name, m.Dose, m.Unit));
        return key;
    }
}
