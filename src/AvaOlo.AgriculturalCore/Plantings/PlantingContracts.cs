using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.Plantings;

/// <summary>A crop on a field for a season. crop_name is free text in any language and script.</summary>
public sealed record PlantingRequest(
    string? CropName, string? Variety, int? SeasonYear, DateOnly? SownOn, DateOnly? ExpectedHarvestOn, DateOnly? HarvestedOn,
    decimal? ExpectedYieldTPerHa, int? PlantCount, string? Status);

public sealed record PlantingResponse(
    int Id, int FieldId, int FarmerId, string CropName, string? Variety, int SeasonYear, DateOnly? SownOn, DateOnly? ExpectedHarvestOn,
    DateOnly? HarvestedOn, decimal? ExpectedYieldTPerHa, int? PlantCount, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record CropFieldRef(int Id, string Name, decimal AreaHa);

public sealed record CropResponse(
    int PlantingId, string CropName, string? Variety, int SeasonYear, string Status, DateOnly? SownOn, DateOnly? ExpectedHarvestOn,
    DateOnly? HarvestedOn, decimal? ExpectedYieldTPerHa, int? PlantCount, CropFieldRef Field);

public sealed record CropTotal(string CropName, int Fields, decimal AreaHa);

public sealed record FarmerCropsResponse(int FarmerId, int Season, decimal TotalAreaHa, IReadOnlyList<CropTotal> ByCrop, IReadOnlyList<CropResponse> Crops);

public static class PlantingMapping
{
    public static PlantingResponse ToResponse(this Planting p) => new(
        p.Id, p.FieldId, p.FarmerId, p.CropName, p.Variety, p.SeasonYear, p.SownOn, p.ExpectedHarvestOn, p.HarvestedOn,
        p.ExpectedYieldTPerHa, p.PlantCount, p.Status, p.CreatedAt, p.UpdatedAt);
}
