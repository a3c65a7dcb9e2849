namespace AvaOlo.MonitoringDashboards.Pages.Agronomic;

public sealed record PhiRisk(int FieldId, string Field, string Crop, string Country, string Material, DateOnly SprayedOn,
    int PhiDays, DateOnly SafeFrom, DateOnly PlannedHarvest, string HarvestSource);

public static class PhiRisks
{
    /// <summary>
    /// Fields where a planned harvest falls inside a pre-harvest interval: a done task applied a material whose rule for
    /// the farmer's country and the planting's crop has a pre-harvest interval, and the planned harvest (a planned
    /// harvest task on the field, else the planting's expected_harvest_on) comes before the interval ends. Driven by
    /// the material rules and the crop_names reference data: no crop or country list in code here.
    /// </summary>
    public const string Sql = """
        WITH sprays AS MATERIALIZED (
            SELECT DISTINCT t.farmer_id, tf.field_id, t.done_on, tm.material_id
            FROM task_materials tm JOIN tasks t ON t.id = tm.task_id JOIN task_fields tf ON tf.task_id = t.id
            -- Only sprayings whose longest interval has not ended yet can put a future harvest at risk.
            WHERE t.status = 'done' AND t.done_on > $1 - (SELECT COALESCE(max(pre_harvest_interval_days), 0) FROM material_rules)
              AND tm.material_id IN (SELECT material_id FROM material_rules WHERE pre_harvest_interval_days IS NOT NULL)),
        risks AS MATERIALIZED (
            SELECT s.field_id, s.material_id, s.done_on, p.crop_name, p.expected_harvest_on, f.country_code, r.pre_harvest_interval_days AS phi
            FROM sprays s
            JOIN farmers f ON f.id = s.farmer_id AND f.deleted_at IS NULL
            JOIN plantings p ON p.field_id = s.field_id AND p.harvested_on IS NULL AND p.status IN ('planned', 'growing')
            JOIN material_rules r ON r.material_id = s.material_id AND r.country_code = f.country_code
                 AND r.pre_harvest_interval_days IS NOT NULL
                 -- The planting's free-text crop ("pšenica") is the rule's crop ("wheat") by name or by a crop_names stem.
                 AND (lower(r.crop) = lower(p.crop_name)
                      OR EXISTS (SELECT 1 FROM crop_names cn WHERE cn.crop = r.crop AND lower(p.crop_name) LIKE cn.stem || '%')))
        SELECT x.field_id, fi.name, x.crop_name, x.country_code, m.name, x.done_on, x.phi, x.done_on + x.phi, x.harvest, x.source
        FROM (
            SELECT k.*, COALESCE(h.due_on, k.expected_harvest_on) AS harvest,
                   CASE WHEN h.due_on IS NOT NULL THEN 'harvest task' ELSE 'expected harvest' END AS source
            FROM risks k
            LEFT JOIN LATERAL (
                SELECT min(t2.due_on) AS due_on FROM task_fields tf2 JOIN tasks t2 ON t2.id = tf2.task_id
                WHERE tf2.field_id = k.field_id AND t2.status = 'planned' AND lower(t2.type) = 'harvest' AND t2.due_on >= k.done_on) h ON true
        ) x
        JOIN fields fi ON fi.id = x.field_id JOIN materials m ON m.id = x.material_id
        WHERE x.harvest >= $1 AND x.harvest < x.done_on + x.phi
        ORDER BY x.harvest, fi.id LIMIT 50
        """;
}
