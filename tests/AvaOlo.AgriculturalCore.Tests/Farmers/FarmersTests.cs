using System.Net;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.Farmers;

public sealed class FarmersTests(TestDatabase database) : ApiTestBase(database)
{
    [Fact]
    public async Task Create_derives_country_from_phone_normalises_it_and_audits()
    {
        var created = await HttpAssert.Json(await Admin.Post("/api/v1/farmers",
            new { name = "Georgi Petrov", phone = "00359 88 812 3456", preferred_language = "BG", farm_name = "Манго ферма" }), HttpStatusCode.Created);
        Assert.Equal("BG", created.GetProperty("country_code").GetString());
        Assert.Equal("+359888123456", created.GetProperty("phone").GetString());
        Assert.Equal("bg", created.GetProperty("preferred_language").GetString());
        var id = created.GetProperty("id").GetInt32();

        await using var db = Database.CreateContext();
        var audit = await db.AuditLog.SingleAsync(a => a.EntityType == "farmers" && a.EntityId == id.ToString());
        Assert.Equal("create", audit.Action);
        Assert.Equal("api_key", audit.ActorType);
        Assert.Equal("admin", audit.ActorName);
        Assert.Contains("+359888123456", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hungarian_speaker_with_croatian_number_keeps_her_language()
    {
        var created = await HttpAssert.Json(await Admin.Post("/api/v1/farmers",
            new { name = "Kovács Éva", phone = "+385 98 765 4321", preferred_language = "hu" }), HttpStatusCode.Created);
        Assert.Equal("HR", created.GetProperty("country_code").GetString());
        Assert.Equal("hu", created.GetProperty("preferred_language").GetString());
    }

    [Theory]
    [InlineData("""{"name":"X","phone":"12345"}""", "phone")]
    [InlineData("""{"name":"X","phone":"+3861"}""", "phone")]
    [InlineData("""{"name":"","phone":"+38641234567"}""", "name")]
    [InlineData("""{"name":"X","phone":"+38641234567","email":"not-an-email"}""", "email")]
    [InlineData("""{"name":"X","phone":"+38641234567","country_code":"XX"}""", "country_code")]
    [InlineData("""{"name":"X","phone":"+38641234567","preferred_language":"klingon"}""", "preferred_language")]
    [InlineData("""{"name":42,"phone":"+38641234567"}""", "name")]
    [InlineData("""{"name":"X","phone":"+38641234567","id":99}""", "id")]
    public async Task Invalid_farmer_is_a_400_naming_the_field(string body, string field) =>
        await HttpAssert.FieldError(await Admin.PostRaw("/api/v1/farmers", body), field);

    [Fact]
    public async Task Duplicate_phone_is_409_and_update_and_soft_delete_work()
    {
        var dup = await Admin.Post("/api/v1/farmers", new { name = "Copy", phone = W.A.Phone });
        await HttpAssert.FieldError(dup, "phone", HttpStatusCode.Conflict);

        var updated = await HttpAssert.Json(await AsA.Put($"/api/v1/farmers/{W.A.Id}",
            new { name = "Marko Horvat", phone = W.A.Phone, farm_name = "OPG Horvat", preferred_language = "hr" }));
        Assert.Equal("OPG Horvat", updated.GetProperty("farm_name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/v1/farmers/{W.A.Id}")).StatusCode);
        await HttpAssert.Problem(await Admin.GetAsync($"/api/v1/farmers/{W.A.Id}"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await Admin.GetAsync($"/api/v1/farmer/{W.A.Id}/fields"), HttpStatusCode.NotFound);

        await using var db = Database.CreateContext();
        var row = await db.Farmers.IgnoreQueryFilters().SingleAsync(f => f.Id == W.A.Id);
        Assert.NotNull(row.DeletedAt); // kept for the audit trail, invisible to the API
        Assert.True(await db.ApiKeys.AnyAsync(k => k.FarmerId == W.A.Id && k.RevokedAt != null), "the farmer's own keys are revoked");
        Assert.Equal(["create", "update", "delete"], await db.AuditLog.Where(a => a.EntityType == "farmers" && a.EntityId == W.A.Id.ToString())
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        // The phone is free again for a new registration.
        await HttpAssert.Json(await Admin.Post("/api/v1/farmers", new { name = "New owner", phone = W.A.Phone }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task List_is_paged_and_validates_paging()
    {
        var page = await HttpAssert.Json(await Admin.GetAsync("/api/v1/farmers?page=1&page_size=1"));
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        var si = await HttpAssert.Json(await Admin.GetAsync("/api/v1/farmers?country_code=si"));
        Assert.Equal(W.B.Id, si.GetProperty("items")[0].GetProperty("id").GetInt32());
        await HttpAssert.FieldError(await Admin.GetAsync("/api/v1/farmers?page_size=5000"), "page_size");
        await HttpAssert.FieldError(await Admin.GetAsync("/api/v1/farmers?page=abc"), "page");
    }
}
