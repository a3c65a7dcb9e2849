using System.Text.Json;
using AvaOlo.AgriculturalCore.Common;

namespace AvaOlo.AgriculturalCore.Fields;

public static class FieldRules
{
    /// <summary>The largest field we believe: 100 km². Larger is a unit mistake (m² sent as ha).</summary>
    public const decimal MaxAreaHa = 10_000m;

    public sealed record Normalized(string Name, decimal AreaHa, decimal? Lat, decimal? Lon, string? BoundaryGeoJson, string? Notes);

    public static (Normalized? Value, Errors Errors) Validate(FieldRequest r)
    {
        var errors = new Errors();
        errors.Required("name", r.Name, 200);
        errors.MaxLength("notes", r.Notes, 4000);
        if (r.AreaHa is null) errors.Add("area_ha", "is required");
        else if (r.AreaHa <= 0) errors.Add("area_ha", "must be greater than 0 hectares");
        else if (r.AreaHa > MaxAreaHa) errors.Add("area_ha", $"must be at most {MaxAreaHa} hectares");
        else if (decimal.Round(r.AreaHa.Value, 4) != r.AreaHa) errors.Add("area_ha", "must have at most 4 decimal places (1 m²)");
        if (r.CentroidLat is < -90 or > 90) errors.Add("centroid_lat", "must be between -90 and 90");
        if (r.CentroidLon is < -180 or > 180) errors.Add("centroid_lon", "must be between -180 and 180");
        if ((r.CentroidLat is null) != (r.CentroidLon is null)) errors.Add(r.CentroidLat is null ? "centroid_lat" : "centroid_lon", "give both centroid_lat and centroid_lon, or neither");
        var boundary = r.Boundary is { ValueKind: not JsonValueKind.Null } b ? ValidateBoundary(b, errors) : null;
        if (errors.Any) return (null, errors);
        return (new(r.Name!.Trim(), r.AreaHa!.Value, Round6(r.CentroidLat), Round6(r.CentroidLon), boundary, Text.Clean(r.Notes)), errors);
    }

    private static decimal? Round6(decimal? v) => v is null ? null : decimal.Round(v.Value, 6);

    private static string? ValidateBoundary(JsonElement b, Errors errors)
    {
        if (b.ValueKind != JsonValueKind.Object
            || !b.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || type.GetString() is not ("Polygon" or "MultiPolygon")
            || !b.TryGetProperty("coordinates", out var coords) || coords.ValueKind != JsonValueKind.Array || coords.GetArrayLength() == 0)
        {
            errors.Add("boundary", "must be a GeoJSON geometry of type Polygon or MultiPolygon with coordinates");
            return null;
        }
        var raw = b.GetRawText();
        if (raw.Length > 200_000) errors.Add("boundary", "is larger than 200 kB; simplify the polygon");
        return raw;
    }
}
