using Npgsql;
using NpgsqlTypes;

namespace AvaOlo.Cli.Seeding;

/// <summary>
/// Copies one batch in with binary COPY, the fastest way into PostgreSQL. Ids come from the tables' own
/// identity sequences, so rows added later by the services continue after the seed without clashes.
/// </summary>
internal static class SeedWriter
{
    public static async Task WriteAsync(NpgsqlConnection conn, SeedBatch b, CancellationToken ct)
    {
        var farmerIds = await NextIdsAsync(conn, "farmers", b.Farmers.Count, ct);
        var fieldIds = await NextIdsAsync(conn, "fields", b.Fields.Count, ct);
        var plantingIds = await NextIdsAsync(conn, "plantings", b.Plantings.Count, ct);
        var taskIds = await NextIdsAsync(conn, "tasks", b.Tasks.Count, ct);
        var materialRowIds = await NextIdsAsync(conn, "task_materials", b.TaskMaterials.Count, ct);

        await CopyAsync(conn, "farmers (id, name, farm_name, phone, email, address, vat_number, country_code, preferred_language, created_at, updated_at)",
            b.Farmers, async (w, f, i) =>
            {
                await w.WriteAsync(farmerIds[i], NpgsqlDbType.Integer, ct);
                await Text(w, f.Name, ct); await Text(w, f.FarmName, ct); await Text(w, f.Phone, ct); await Text(w, f.Email, ct);
                await Text(w, f.Address, ct); await Text(w, f.VatNumber, ct);
                await Text(w, f.CountryCode, ct, NpgsqlDbType.Char); await Text(w, f.Language, ct, NpgsqlDbType.Char);
                await w.WriteAsync(f.CreatedAt, NpgsqlDbType.TimestampTz, ct); await w.WriteAsync(f.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            }, ct);
        await CopyAsync(conn, "fields (id, farmer_id, name, area_ha, centroid_lat, centroid_lon, boundary_geojson, notes, created_at, updated_at)",
            b.Fields, async (w, f, i) =>
            {
                await w.WriteAsync(fieldIds[i], NpgsqlDbType.Integer, ct);
                await w.WriteAsync(farmerIds[f.FarmerKey], NpgsqlDbType.Integer, ct);
                await Text(w, f.Name, ct);
                await w.WriteAsync(f.AreaHa, NpgsqlDbType.Numeric, ct);
                await Value(w, f.Lat, NpgsqlDbType.Numeric, ct); await Value(w, f.Lon, NpgsqlDbType.Numeric, ct);
                await Text(w, f.BoundaryGeoJson, ct, NpgsqlDbType.Jsonb); await Text(w, f.Notes, ct);
                await w.WriteAsync(f.CreatedAt, NpgsqlDbType.TimestampTz, ct); await w.WriteAsync(f.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            }, ct);
        await CopyAsync(conn, "plantings (id, field_id, farmer_id, crop_name, variety, season_year, sown_on, expected_harvest_on, harvested_on, " +
            "expected_yield_t_per_ha, plant_count, status, created_at, updated_at)",
            b.Plantings, async (w, p, i) =>
            {
                await w.WriteAsync(plantingIds[i], NpgsqlDbType.Integer, ct);
                await w.WriteAsync(fieldIds[p.FieldKey], NpgsqlDbType.Integer, ct);
                await w.WriteAsync(farmerIds[p.FarmerKey], NpgsqlDbType.Integer, ct);
                await Text(w, p.CropName, ct); await Text(w, p.Variety, ct);
                await w.WriteAsync(p.SeasonYear, NpgsqlDbType.Integer, ct);
                await Value(w, p.SownOn, NpgsqlDbType.Date, ct); await Value(w, p.ExpectedHarvestOn, NpgsqlDbType.Date, ct);
                await Value(w, p.HarvestedOn, NpgsqlDbType.Date, ct);
                await Value(w, p.ExpectedYieldTPerHa, NpgsqlDbType.Numeric, ct); await Value(w, p.PlantCount, NpgsqlDbType.Integer, ct);
                await Text(w, p.Status, ct);
                await w.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz, ct); await w.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            }, ct);
        await CopyAsync(conn, "tasks (id, farmer_id, type, status, due_on, done_on, notes, created_at, updated_at)",
            b.Tasks, async (w, t, i) =>
            {
                await w.WriteAsync(taskIds[i], NpgsqlDbType.Integer, ct);
                await w.WriteAsync(farmerIds[t.FarmerKey], NpgsqlDbType.Integer, ct);
                await Text(w, t.Type, ct); await Text(w, t.Status, ct);
                await Value(w, t.DueOn, NpgsqlDbType.Date, ct); await Value(w, t.DoneOn, NpgsqlDbType.Date, ct);
                await Text(w, t.Notes, ct);
                // A finished task was last touched when it was done; an open one when it was created.
                var updated = t.DoneOn is { } d ? new DateTimeOffset(d.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero) : t.CreatedAt;
                await w.WriteAsync(t.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(updated > t.CreatedAt ? updated : t.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            }, ct);
        await CopyAsync(conn, "task_fields (task_id, field_id)", b.TaskFields, async (w, tf, _) =>
            {
                await w.WriteAsync(taskIds[tf.TaskKey], NpgsqlDbType.Integer, ct);
                await w.WriteAsync(fieldIds[tf.FieldKey], NpgsqlDbType.Integer, ct);
            }, ct);
        await CopyAsync(conn, "task_materials (id, task_id, material_id, material_name, dose, unit)", b.TaskMaterials, async (w, m, i) =>
            {
                await w.WriteAsync(materialRowIds[i], NpgsqlDbType.Integer, ct);
                await w.WriteAsync(taskIds[m.TaskKey], NpgsqlDbType.Integer, ct);
                await Value(w, m.MaterialId, NpgsqlDbType.Integer, ct);
                await Text(w, m.MaterialName, ct);
                await Value(w, m.Dose, NpgsqlDbType.Numeric, ct); await Text(w, m.Unit, ct);
            }, ct);
    }

    private static async Task<int[]> NextIdsAsync(NpgsqlConnection conn, string table, int count, CancellationToken ct)
    {
        if (count == 0) return [];
        await using var cmd = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence($1, 'id'))::int FROM generate_series(1, $2)", conn)
        {
            Parameters = { new() { Value = table }, new() { Value = count } },
        };
        var ids = new int[count];
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        for (var i = 0; await reader.ReadAsync(ct); i++) ids[i] = reader.GetInt32(0);
        return ids;
    }

    private static async Task CopyAsync<T>(NpgsqlConnection conn, string target, IReadOnlyList<T> rows,
        Func<NpgsqlBinaryImporter, T, int, Task> writeRow, CancellationToken ct)
    {
        await using var writer = await conn.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < rows.Count; i++)
        {
            await writer.StartRowAsync(ct);
            await writeRow(writer, rows[i], i);
        }
        await writer.CompleteAsync(ct);
    }

    private static Task Text(NpgsqlBinaryImporter w, string? value, CancellationToken ct, NpgsqlDbType type = NpgsqlDbType.Varchar) =>
        value is null ? w.WriteNullAsync(ct) : w.WriteAsync(value, type, ct);

    private static Task Value<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? w.WriteAsync(v, type, ct) : w.WriteNullAsync(ct);
}
