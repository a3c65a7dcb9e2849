using System.Net;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.Fields;

public sealed class FieldsTests(TestDatabase database) : ApiTestBase(database)
{
    [Fact]
    public async Task Crud_with_exact_decimal_areas_geojson_and_audit()
    {
        var boundary = new { type = "Polygon", coordinates = new[] { new[] { new[] { 15.64, 46.55 }, new[] { 15.65, 46.55 }, new[] { 15.65, 46.56 }, new[] { 15.64, 46.55 } } } };
        var created = await HttpAssert.Json(await AsA.Post($"/api/v1/farmer/{W.A.Id}/fields",
            new { name = "Vrt", area_ha = 0.02m, centroid_lat = 46.555m, centroid_lon = 15.645m, boundary }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(0.02m, created.GetProperty("area_ha").GetDecimal());
        Assert.Equal("Polygon", created.GetProperty("boundary").GetProperty("type").GetString());

        var list = await HttpAssert.Json(await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/fields"));
        Assert.Equal(2, list.GetProperty("count").GetInt32());
        Assert.Equal(3.52m, list.GetProperty("total_area_ha").GetDecimal());

        var updated = await HttpAssert.Json(await AsA.Put($"/api/v1/fields/{id}", new { name = "Vrt za hišo", area_ha = 0.0375m }));
        Assert.Equal(0.0375m, updated.GetProperty("area_ha").GetDecimal());
        Assert.Equal(JsonValueKindNull, updated.GetProperty("boundary").ValueKind);

        Assert.Equal(HttpStatusCode.NoContent, (await AsA.DeleteAsync($"/api/v1/fields/{id}")).StatusCode);
        await HttpAssert.Problem(await AsA.GetAsync($"/api/v1/fields/{id}"), HttpStatusCode.NotFound);

        await using var db = Database.CreateContext();
        var trail = await db.AuditLog.Where(a => a.EntityType == "fields" && a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["create", "update", "delete"], trail.Select(a => a.Action));
        Assert.All(trail, a => Assert.Equal(W.A.Id, a.FarmerId));
        Assert.Equal(0.0375m, System.Text.Json.JsonDocument.Parse(trail[1].After!).RootElement.GetProperty("area_ha").GetDecimal());
        Assert.Equal(0.02m, System.Text.Json.JsonDocument.Parse(trail[1].Before!).RootElement.GetProperty("area_ha").GetDecimal());
        Assert.Null(trail[2].After);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Theory]
    [InlineData("""{"name":"N","area_ha":-1}""", "area_ha")]
    [InlineData("""{"name":"N","area_ha":0}""", "area_ha")]
    [InlineData("""{"name":"N"}""", "area_ha")]
    [InlineData("""{"name":"N","area_ha":"big"}""", "area_ha")]
    [InlineData("""{"name":"N","area_ha":1e9}""", "area_ha")]
    [InlineData("""{"name":"N","area_ha":1,"centroid_lat":91,"centroid_lon":10}""", "centroid_lat")]
    [InlineData("""{"name":"N","area_ha":1,"centroid_lat":45}""", "centroid_lon")]
    [InlineData("""{"name":"N","area_ha":1,"boundary":{"type":"Point","coordinates":[1,2]}}""", "boundary")]
    [InlineData("""{"name":"N","area_ha":1,"farmer_id":2}""", "farmer_id")]
    [InlineData("""{"name":"   ","area_ha":1}""", "name")]
    public async Task Invalid_field_is_a_400_naming_the_field(string body, string field) =>
        await HttpAssert.FieldError(await AsA.PostRaw($"/api/v1/farmer/{W.A.Id}/fields", body), field);

    [Fact]
    public async Task Malformed_empty_oversize_and_wrong_content_type_bodies_are_4xx_problems()
    {
        var url = $"/api/v1/farmer/{W.A.Id}/fields";
        await HttpAssert.Problem(await AsA.PostRaw(url, """{"name":"N","area_ha":1"""), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await AsA.PostRaw(url, ""), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await AsA.PostRaw(url, new string('[', 5000) + new string(']', 5000)), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await AsA.PostRaw(url, "name=N", "text/plain"), HttpStatusCode.UnsupportedMediaType);
        var huge = $$"""{"name":"N","area_ha":1,"notes":"{{new string('x', 2_000_000)}}"}""";
        await HttpAssert.Problem(await AsA.PostRaw(url, huge), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Duplicate_field_name_is_409_and_bad_ids_are_400_or_404()
    {
        await HttpAssert.FieldError(await AsA.Post($"/api/v1/farmer/{W.A.Id}/fields", new { name = "Mota", area_ha = 1 }), "name", HttpStatusCode.Conflict);
        await HttpAssert.FieldError(await AsA.GetAsync("/api/v1/farmer/abc/fields"), "id");
        await HttpAssert.Problem(await AsA.GetAsync("/api/v1/fields/999999"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await Admin.GetAsync("/api/v1/farmer/999999/fields"), HttpStatusCode.NotFound);
    }
}
