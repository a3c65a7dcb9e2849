using System.Net;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.Auth;

public sealed class AuthorizationTests(TestDatabase database) : ApiTestBase(database)
{
    [Fact]
    public async Task Anonymous_and_unknown_keys_get_401_problem_with_bearer_challenge()
    {
        var anonymous = await Anonymous.GetAsync($"/api/v1/farmer/{W.A.Id}/fields");
        await HttpAssert.Problem(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);

        var forged = W.KeyA[..^4] + "AAAA"; // right prefix, wrong secret
        await HttpAssert.Problem(await Factory.Client(forged).GetAsync($"/api/v1/farmer/{W.A.Id}/fields"), HttpStatusCode.Unauthorized);
        await HttpAssert.Problem(await Factory.Client("not-a-key").GetAsync($"/api/v1/farmer/{W.A.Id}/fields"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Farmer_key_sees_own_records_and_gets_404_for_another_farmers()
    {
        var own = await HttpAssert.Json(await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/fields"));
        Assert.Equal("Mota", own.GetProperty("fields")[0].GetProperty("name").GetString());

        foreach (var url in new[] { $"/api/v1/farmer/{W.B.Id}/fields", $"/api/v1/farmer/{W.B.Id}/crops", $"/api/v1/farmer/{W.B.Id}/tasks",
                     $"/api/v1/farmers/{W.B.Id}", $"/api/v1/fields/{W.FieldB.Id}" })
            await HttpAssert.Problem(await AsA.GetAsync(url), HttpStatusCode.NotFound);

        // Changing B's records through A's key is equally impossible, and leaves B's field untouched.
        await HttpAssert.Problem(await AsA.Put($"/api/v1/fields/{W.FieldB.Id}", new { name = "stolen", area_ha = 1 }), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await AsA.DeleteAsync($"/api/v1/fields/{W.FieldB.Id}"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await AsA.Post($"/api/v1/farmer/{W.B.Id}/fields", new { name = "x", area_ha = 1 }), HttpStatusCode.NotFound);
        await using var db = Database.CreateContext();
        Assert.Equal("Njiva pri hiši", (await db.Fields.SingleAsync(f => f.Id == W.FieldB.Id)).Name);
    }

    [Fact]
    public async Task Farmer_key_lists_only_itself_and_cannot_create_or_delete_farmers()
    {
        var list = await HttpAssert.Json(await AsA.GetAsync("/api/v1/farmers"));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(W.A.Id, list.GetProperty("items")[0].GetProperty("id").GetInt32());
        await HttpAssert.Problem(await AsA.Post("/api/v1/farmers", new { name = "X", phone = "+38641234567" }), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await AsA.DeleteAsync($"/api/v1/farmers/{W.A.Id}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Integration_key_without_write_scope_can_read_but_not_write()
    {
        var reader = Factory.Client(W.ReadOnlyKey);
        await HttpAssert.Json(await reader.GetAsync($"/api/v1/farmer/{W.B.Id}/fields"));
        await HttpAssert.Problem(await reader.Post($"/api/v1/farmer/{W.B.Id}/fields", new { name = "New", area_ha = 1 }), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await reader.Post("/api/v1/farmers", new { name = "X", phone = "+38641234567" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Revoked_key_stops_working()
    {
        await using (var db = Database.CreateContext())
        {
            var key = await db.ApiKeys.SingleAsync(k => k.Name == "farmer-b");
            key.RevokedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }
        // A fresh service has no cached copy of the key; a running one drops it within ApiKeyStore.CacheFor.
        await using var fresh = new ServiceHost<Program>(Database);
        await HttpAssert.Problem(await fresh.Client(W.KeyB).GetAsync($"/api/v1/farmer/{W.B.Id}/fields"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Public_routes_need_no_key()
    {
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Anonymous.GetAsync("/")).StatusCode);
    }
}
