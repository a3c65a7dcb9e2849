using System.Net;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.Tasks;

public sealed class CropsAndTasksTests(TestDatabase database) : ApiTestBase(database)
{
    private static int Year => DateTime.UtcNow.Year;

    [Fact]
    public async Task Crops_lists_this_seasons_plantings_with_field_and_area_plus_crops_still_in_the_ground()
    {
        await HttpAssert.Json(await AsA.Post($"/api/v1/fields/{W.FieldA.Id}/plantings",
            new { crop_name = "pšenica", variety = "Srpanjka", season_year = Year, sown_on = $"{Year}-01-10", expected_yield_t_per_ha = 6.5m }), HttpStatusCode.Created);
        var orchard = await HttpAssert.Json(await AsA.Post($"/api/v1/farmer/{W.A.Id}/fields", new { name = "Voćnjak", area_ha = 2 }), HttpStatusCode.Created);
        var orchardId = orchard.GetProperty("id").GetInt32();
        // A perennial planted years ago and never "harvested" as a planting is still on the farm.
        await HttpAssert.Json(await AsA.Post($"/api/v1/fields/{orchardId}/plantings",
            new { crop_name = "манго", season_year = Year - 3, plant_count = 500, status = "growing" }), HttpStatusCode.Created);
        await HttpAssert.Json(await AsA.Post($"/api/v1/fields/{W.FieldA.Id}/plantings",
            new { crop_name = "kukuruz", season_year = Year - 1, sown_on = $"{Year - 1}-04-20", harvested_on = $"{Year - 1}-10-01" }), HttpStatusCode.Created);

        var crops = await HttpAssert.Json(await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/crops"));
        Assert.Equal(Year, crops.GetProperty("season").GetInt32());
        var names = crops.GetProperty("crops").EnumerateArray().Select(c => c.GetProperty("crop_name").GetString()).Order().ToList();
        Assert.Equal(["pšenica", "манго"], names);
        Assert.Equal(5.5m, crops.GetProperty("total_area_ha").GetDecimal());
        var mango = crops.GetProperty("crops").EnumerateArray().Single(c => c.GetProperty("crop_name").GetString() == "манго");
        Assert.Equal(500, mango.GetProperty("plant_count").GetInt32());
        Assert.Equal("Voćnjak", mango.GetProperty("field").GetProperty("name").GetString());

        var last = await HttpAssert.Json(await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/crops?season={Year - 1}"));
        Assert.Equal("kukuruz", last.GetProperty("crops")[0].GetProperty("crop_name").GetString());
        await HttpAssert.FieldError(await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/crops?season=12"), "season");
    }

    [Theory]
    [InlineData("""{"crop_name":""}""", "crop_name")]
    [InlineData("""{"crop_name":"wheat","season_year":1200}""", "season_year")]
    [InlineData("""{"crop_name":"wheat","status":"eaten"}""", "status")]
    [InlineData("""{"crop_name":"wheat","sown_on":"2026-05-01","harvested_on":"2026-04-01"}""", "harvested_on")]
    [InlineData("""{"crop_name":"wheat","sown_on":"yesterday"}""", "sown_on")]
    [InlineData("""{"crop_name":"wheat","plant_count":-5}""", "plant_count")]
    public async Task Invalid_planting_is_a_400_naming_the_field(string body, string field) =>
        await HttpAssert.FieldError(await AsA.PostRaw($"/api/v1/fields/{W.FieldA.Id}/plantings", body), field);

    [Fact]
    public async Task Tasks_record_materials_filter_by_status_and_dates_and_page()
    {
        int prosaro;
        await using (var db = Database.CreateContext()) prosaro = (await db.Materials.SingleAsync(m => m.Name == "Prosaro 250 EC")).Id;
        var sprayed = await HttpAssert.Json(await AsA.Post($"/api/v1/farmer/{W.A.Id}/tasks", new
        {
            type = "spraying", status = "done", done_on = $"{Year}-05-02", field_ids = new[] { W.FieldA.Id },
            materials = new[] { new { material_id = prosaro, dose = 1.0m } },
        }), HttpStatusCode.Created);
        Assert.Equal("Prosaro 250 EC", sprayed.GetProperty("materials")[0].GetProperty("name").GetString());
        Assert.Equal("l/ha", sprayed.GetProperty("materials")[0].GetProperty("unit").GetString());
        Assert.Equal("Mota", sprayed.GetProperty("fields")[0].GetProperty("name").GetString());
        await HttpAssert.Json(await AsA.Post($"/api/v1/farmer/{W.A.Id}/tasks",
            new { type = "harvest", due_on = $"{Year}-07-15", field_ids = new[] { W.FieldA.Id } }), HttpStatusCode.Created);
        await HttpAssert.Json(await AsA.Post($"/api/v1/farmer/{W.A.Id}/tasks",
            new { type = "gnojenje", status = "cancelled", due_on = $"{Year}-03-01", field_ids = new[] { W.FieldA.Id },
                materials = new[] { new { name = "stajski gnoj", dose = 30m, unit = "t/ha" } } }), HttpStatusCode.Created);

        var done = await HttpAssert.Json(await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/tasks?status=done"));
        Assert.Equal(1, done.GetProperty("total").GetInt32());
        var window = await HttpAssert.Json(await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/tasks?from={Year}-04-01&to={Year}-07-31"));
        Assert.Equal(["harvest", "spraying"], window.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("type").GetString()));
        var paged = await HttpAssert.Json(await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/tasks?page=2&page_size=2"));
        Assert.Equal(3, paged.GetProperty("total").GetInt32());
        Assert.Equal(1, paged.GetProperty("items").GetArrayLength());

        await HttpAssert.FieldError(await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/tasks?status=maybe"), "status");
        await HttpAssert.FieldError(await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/tasks?from={Year}-09-01&to={Year}-01-01"), "from");
        await HttpAssert.FieldError(await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/tasks?from=tomorrow"), "from");
    }

    [Fact]
    public async Task A_task_cannot_reference_another_farmers_field_and_updates_are_audited()
    {
        var stolen = await AsA.Post($"/api/v1/farmer/{W.A.Id}/tasks", new { type = "harvest", field_ids = new[] { W.FieldB.Id } });
        var body = await HttpAssert.FieldError(stolen, "field_ids");
        Assert.DoesNotContain("Njiva", body.ToString(), StringComparison.Ordinal);

        var created = await HttpAssert.Json(await AsA.Post($"/api/v1/farmer/{W.A.Id}/tasks",
            new { type = "spraying", due_on = $"{Year}-06-01", field_ids = new[] { W.FieldA.Id } }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var done = await HttpAssert.Json(await AsA.Put($"/api/v1/tasks/{id}",
            new { type = "spraying", status = "done", done_on = $"{Year}-06-02", field_ids = new[] { W.FieldA.Id }, materials = new[] { new { name = "Cuprozin", dose = 2.5m, unit = "kg/ha" } } }));
        Assert.Equal("done", done.GetProperty("status").GetString());
        await HttpAssert.Problem(await AsB.GetAsync($"/api/v1/tasks/{id}"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await AsB.DeleteAsync($"/api/v1/tasks/{id}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await AsA.DeleteAsync($"/api/v1/tasks/{id}")).StatusCode);

        await using var db = Database.CreateContext();
        var trail = await db.AuditLog.Where(a => a.EntityType == "tasks" && a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["create", "update", "delete"], trail.Select(a => a.Action));
        Assert.Contains("Cuprozin", trail[1].After, StringComparison.Ordinal);
        Assert.Equal("farmer-a", trail[1].ActorName);
    }

    [Theory]
    [InlineData("""{"type":"spraying"}""", "field_ids")]
    [InlineData("""{"type":"","field_ids":[1]}""", "type")]
    [InlineData("""{"type":"spraying","status":"someday","field_ids":[1]}""", "status")]
    [InlineData("""{"type":"spraying","status":"planned","done_on":"2020-01-01","field_ids":[1]}""", "done_on")]
    [InlineData("""{"type":"spraying","field_ids":[1],"materials":[{"dose":1}]}""", "materials[0]")]
    [InlineData("""{"type":"spraying","field_ids":[1],"materials":[{"name":"X","dose":-1,"unit":"l/ha"}]}""", "materials[0].dose")]
    [InlineData("""{"type":"spraying","field_ids":"1"}""", "field_ids")]
    public async Task Invalid_task_is_a_400_naming_the_field(string body, string field) =>
        await HttpAssert.FieldError(await AsA.PostRaw($"/api/v1/farmer/{W.A.Id}/tasks", body), field);
}
