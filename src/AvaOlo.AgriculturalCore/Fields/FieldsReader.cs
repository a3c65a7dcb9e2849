using System.Diagnostics;
using System.Text.Json;
using AvaOlo.ServiceDefaults.Telemetry;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Fields;

/// <summary>
/// GET /api/v1/farmer/{id}/fields without EF: one prepared statement that both checks that the farmer exists and is
/// not deleted (the LEFT JOIN yields one row of NULLs for a farmer without fields) and reads the fields in name order.
/// Same JSON as the EF mapping (<see cref="FieldMapping.ToResponse"/>); the caller's right to see the farmer is
/// checked before this runs.
/// </summary>
public static class FieldsReader
{
    public const string Sql =
        "SELECT f.id, f.name, f.area_ha, f.centroid_lat, f.centroid_lon, f.boundary_geojson::text, f.notes, f.created_at, f.updated_at " +
        "FROM farmers fa LEFT JOIN fields f ON f.farmer_id = fa.id WHERE fa.id = $1 AND fa.deleted_at IS NULL ORDER BY f.name";

    /// <summary>The farmer's fields, or null when there is no such (visible) farmer.</summary>
    public static async Task<FarmerFieldsResponse?> ListAsync(NpgsqlDataSource data, int farmerId, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var cmd = data.CreateCommand(Sql);
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = farmerId });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        List<FieldResponse>? fields = null;
        var total = 0m;
        while (await reader.ReadAsync(ct))
        {
            fields ??= [];
            if (reader.IsDBNull(0)) continue; // the farmer exists but has no fields
            var area = reader.GetDecimal(2);
            total += area;
            fields.Add(new FieldResponse(
                reader.GetInt32(0), farmerId, reader.GetString(1), area,
                reader.IsDBNull(3) ? null : reader.GetDecimal(3), reader.IsDBNull(4) ? null : reader.GetDecimal(4),
                reader.IsDBNull(5) ? null : ParseJson(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8)));
        }
        AvaOloMetrics.RecordDatabaseQueryTime(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return fields is null ? null : new FarmerFieldsResponse(farmerId, fields.Count, total, fields);
    }

    private static JsonElement ParseJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
