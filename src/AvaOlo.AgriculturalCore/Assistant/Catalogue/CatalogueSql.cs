namespace AvaOlo.AgriculturalCore.Assistant.Catalogue;

/// <summary>The statements behind <see cref="ReferenceCatalogue"/>, in the order EF gave them.</summary>
internal static class CatalogueSql
{
    public const string RulesInCountry =
        "SELECT m.name, r.crop, r.country_code, r.pre_harvest_interval_days, r.max_applications_per_season, r.dose_min, r.dose_max, r.dose_unit " +
        "FROM material_rules r JOIN materials m ON m.id = r.material_id WHERE r.country_code = $1 ORDER BY r.id";

    public const string Materials = "SELECT id, name, unit FROM materials ORDER BY id";
}
