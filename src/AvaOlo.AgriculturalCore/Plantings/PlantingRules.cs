using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.Plantings;

public static class PlantingRules
{
    public sealed record Normalized(string CropName, string? Variety, int SeasonYear, DateOnly? SownOn, DateOnly? ExpectedHarvestOn,
        DateOnly? HarvestedOn, decimal? ExpectedYield, int? PlantCount, string Status);

    /// <param name="today">From the injected clock: seasons far from it are typos.</param>
    public static (Normalized? Value, Errors Errors) Validate(PlantingRequest r, DateOnly today)
    {
        var errors = new Errors();
        errors.Required("crop_name", r.CropName, 200);
        errors.MaxLength("variety", r.Variety, 200);
        var season = r.SeasonYear ?? today.Year;
        if (season < 1900 || season > today.Year + 5) errors.Add("season_year", $"must be between 1900 and {today.Year + 5}");
        if (r.ExpectedYieldTPerHa is < 0 or > 1000) errors.Add("expected_yield_t_per_ha", "must be between 0 and 1000 t/ha");
        if (r.PlantCount is < 0) errors.Add("plant_count", "must not be negative");
        if (r.SownOn is { } sown && r.HarvestedOn is { } harvested && harvested < sown) errors.Add("harvested_on", "must not be before sown_on");
        if (r.SownOn is { } s && r.ExpectedHarvestOn is { } e && e < s) errors.Add("expected_harvest_on", "must not be before sown_on");
        if (r.HarvestedOn > today) errors.Add("harvested_on", "must not be in the future");

        var status = Text.Clean(r.Status)?.ToLowerInvariant() ?? (r.HarvestedOn is null ? (r.SownOn is null ? PlantingStatus.Planned : PlantingStatus.Growing) : PlantingStatus.Harvested);
        if (!PlantingStatus.All.Contains(status)) errors.Add("status", $"must be one of {string.Join(", ", PlantingStatus.All)}");
        if (errors.Any) return (null, errors);
        return (new(r.CropName!.Trim(), Text.Clean(r.Variety), season, r.SownOn, r.ExpectedHarvestOn, r.HarvestedOn,
            r.ExpectedYieldTPerHa, r.PlantCount, status), errors);
    }
}
