using System.Text.Json;
using AvaOlo.AgriculturalCore.Fields;

namespace AvaOlo.AgriculturalCore.Tests.Fields;

/// <summary>Validation of a field before it is stored: each bad value names its field and the reason.</summary>
public sealed class FieldRulesTests
{
    private static FieldRequest Field(string? name = "Za hišo", decimal? area = 0.35m, decimal? lat = null, decimal? lon = null,
        string? boundary = null, string? notes = null) =>
        new(name, area, lat, lon, boundary is null ? null : JsonDocument.Parse(boundary).RootElement.Clone(), notes);

    public static TheoryData<FieldRequest, string, string> Invalid => new()
    {
        { Field(name: null), "name", "is required" },
        { Field(name: "  "), "name", "is required" },
        { Field(name: new string('n', 201)), "name", "must be at most 200 characters" },
        { Field(name: "Njiva\u0000"), "name", "must not contain control characters" },
        { Field(area: null), "area_ha", "is required" },
        { Field(area: 0m), "area_ha", "must be greater than 0 hectares" },
        { Field(area: -1m), "area_ha", "must be greater than 0 hectares" },
        { Field(area: 10_000.01m), "area_ha", "must be at most 10000 hectares" },
        { Field(area: 0.12345m), "area_ha", "must have at most 4 decimal places (1 m²)" },
        { Field(lat: 91m, lon: 15m), "centroid_lat", "must be between -90 and 90" },
        { Field(lat: 46m, lon: -181m), "centroid_lon", "must be between -180 and 180" },
        { Field(lat: 46m), "centroid_lon", "give both centroid_lat and centroid_lon, or neither" },
        { Field(lon: 15m), "centroid_lat", "give both centroid_lat and centroid_lon, or neither" },
        { Field(boundary: """{"type":"Point","coordinates":[15,46]}"""), "boundary", "must be a GeoJSON geometry of type Polygon or MultiPolygon with coordinates" },
        { Field(boundary: """{"type":"Polygon","coordinates":[]}"""), "boundary", "must be a GeoJSON geometry of type Polygon or MultiPolygon with coordinates" },
        { Field(boundary: "[1,2]"), "boundary", "must be a GeoJSON geometry of type Polygon or MultiPolygon with coordinates" },
        { Field(notes: new string('x', 4001)), "notes", "must be at most 4000 characters" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Bad_values_name_the_field_and_the_reason(FieldRequest request, string field, string reason)
    {
        var (value, errors) = FieldRules.Validate(request);
        Assert.Null(value);
        Assert.Contains(reason, errors.ToDictionary()[field]);
    }

    [Theory]
    [InlineData("0.02", "0.02")]   // the smallest Slovenian plots
    [InlineData("15", "15")]
    [InlineData("10000", "10000")]
    [InlineData("0.0001", "0.0001")] // 1 m²
    public void Areas_from_a_square_metre_to_100_square_kilometres_are_accepted(string area, string stored) =>
        Assert.Equal(decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture),
            FieldRules.Validate(Field(area: decimal.Parse(area, System.Globalization.CultureInfo.InvariantCulture))).Value!.AreaHa);

    [Fact]
    public void A_valid_field_is_trimmed_and_rounded()
    {
        var (value, errors) = FieldRules.Validate(Field(name: "  Za hišo ", lat: 46.05123456m, lon: 14.50567891m, notes: "   ",
            boundary: """{"type":"Polygon","coordinates":[[[14.5,46.0],[14.6,46.0],[14.6,46.1],[14.5,46.0]]]}"""));
        Assert.False(errors.Any);
        Assert.Equal("Za hišo", value!.Name);
        Assert.Equal(46.051235m, value.Lat);
        Assert.Equal(14.505679m, value.Lon);
        Assert.Null(value.Notes); // blank notes are not stored
        Assert.Contains("\"Polygon\"", value.BoundaryGeoJson, StringComparison.Ordinal);
    }
}
