namespace AvaOlo.AgriculturalCore.Assistant.FarmFacts;

/// <summary>The statements behind <see cref="FarmFactReader"/>'s per-question reads, in the order EF gave them.</summary>
internal static class FarmFactsSql
{
    public const string Fields = "SELECT id, name, area_ha FROM fields WHERE farmer_id = $1 ORDER BY name, id";

    /// <summary>
    /// PlantingQueries.InSeason in SQL: the season's plantings, plus earlier ones not harvested and still planned or
    /// growing. A test compares it with the EF predicate on the same rows, so the two cannot drift apart.
    /// </summary>
    public const string PlantingsInSeason =
        "SELECT p.field_id, f.name, f.area_ha, p.crop_name, p.variety, p.season_year, p.status, p.plant_count, p.sown_on, p.expected_harvest_on " +
        "FROM plantings p JOIN fields f ON f.id = p.field_id WHERE p.farmer_id = $1 AND (p.season_year = $2 " +
        "OR (p.season_year < $2 AND p.harvested_on IS NULL AND (p.status = $3 OR p.status = $4))) ORDER BY f.name, p.id";
}
