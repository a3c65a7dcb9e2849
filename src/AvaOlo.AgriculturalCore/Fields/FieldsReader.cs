using System.Text.Json;
using AvaOlo.Data;
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
    public const string Query =
        "SELECT f.id, f.name, f.area_ha, f.centroid_lat, f.centroid_lon, f.boundary_geojson::text, f.notes, f.created_at, f.updated_at " +
        "FROM farmers fa LEFT JOIN fields f ON f.farmer_id = fa.id WHERE fa.id = $1 AND fa.deleted_at IS NULL ORDER BY f.name";

    /// <summary>The farmer's fields, or null when there is no such (visible) farmer.</summary>
    public static async Task<FarmerFieldsResponse?> ListAsync(NpgsqlDataSource data, int farmerId, CancellationToken ct)
    {
        var rows = await Sql.ListAsync(data, Query, r => r.IsDBNull(0) ? null : Read(r, farmerId), ct, farmerId);
        if (rows.Count == 0) return null;
        var fields = rows.OfType<FieldResponse>().ToList(); // one all-NULL row: the farmer exists but has no fields
        return new FarmerFieldsResponse(farmerId, fields.Count, fields.Sum(f => f.AreaHa), fields);
    }

    private static FieldResponse Read(NpgsqlDataReader r, int farmerId) => new(
        r.GetInt32(0), farmerId, r.GetString(1), r.GetDecimal(2), r.Nullable<decimal>(3), r.Nullable<decimal>(4),
        r.IsDBNull(5) ? null : ParseJson(r.GetString(5)), r.NullableString(6),
        r.GetFieldValue<DateTimeOffset>(7), r.GetFieldValue<DateTimeOffset>(8));

    private static JsonElement ParseJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
