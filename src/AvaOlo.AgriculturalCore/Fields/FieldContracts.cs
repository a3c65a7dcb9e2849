using System.Text.Json;
using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.Fields;

/// <summary>Create or replace a field. Boundary is a GeoJSON Polygon or MultiPolygon (WGS 84).</summary>
public sealed record FieldRequest(string? Name, decimal? AreaHa, decimal? CentroidLat, decimal? CentroidLon, JsonElement? Boundary, string? Notes);

public sealed record FieldResponse(
    int Id, int FarmerId, string Name, decimal AreaHa, decimal? CentroidLat, decimal? CentroidLon, JsonElement? Boundary,
    string? Notes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record FarmerFieldsResponse(int FarmerId, int Count, decimal TotalAreaHa, IReadOnlyList<FieldResponse> Fields);

public static class FieldMapping
{
    public static FieldResponse ToResponse(this Field f) => new(
        f.Id, f.FarmerId, f.Name, f.AreaHa, f.CentroidLat, f.CentroidLon,
        f.BoundaryGeoJson is null ? null : JsonDocument.Parse(f.BoundaryGeoJson).RootElement.Clone(),
        f.Notes, f.CreatedAt, f.UpdatedAt);
}
