namespace AvaOlo.Data.Entities;

/// <summary>A crop on a field for one season. The crop is free text in any language and script.</summary>
public sealed class Planting : IAuditable, IFarmerOwned
{
    public int Id { get; set; }
    public int FieldId { get; set; }
    public required string CropName { get; set; }
    public string? Variety { get; set; }
    public int SeasonYear { get; set; }
    public DateOnly? SownOn { get; set; }
    public DateOnly? ExpectedHarvestOn { get; set; }
    public DateOnly? HarvestedOn { get; set; }
    public decimal? ExpectedYieldTPerHa { get; set; }
    /// <summary>Trees, vines or plants when the farmer counts them (orchards, vineyards).</summary>
    public int? PlantCount { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public Field? Field { get; set; }

    /// <summary>Denormalised so the audit trail and authorisation never need a join to know the owner.</summary>
    public int FarmerId { get; set; }

    int? IAuditable.OwnerFarmerId => FarmerId;
}

public static class PlantingStatus
{
    public const string Planned = "planned";
    public const string Growing = "growing";
    public const string Harvested = "harvested";
    public const string Failed = "failed";
    public static readonly string[] All = [Planned, Growing, Harvested, Failed];
}
