using System.Net;
using System.Text.Json;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.Security.Tests;

/// <summary>
/// The dashboards have no OpenAPI document for the generated corpus: their forms and query values are probed here.
/// A NUL used to reach PostgreSQL from a multipart form field (a new API key's name) or a query value
/// (/api/metrics?service=) and end in a 500, and in a URL-encoded form it was a bare 400 from the antiforgery check
/// that named nothing; now each is a 400 problem naming the field, with nothing stored.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ForbiddenCharacterTests(TestDatabase database)
{
    [Fact]
    public async Task Dashboards_refuse_a_nul_or_control_character_in_any_form_field_or_query_value_naming_the_field()
    {
        await database.ResetAsync();
        await DashboardSession.UserAsync(database, "admin", UserRoles.Admin);
        await using var host = new ServiceHost<AvaOlo.MonitoringDashboards.Auth.DashboardSignIn>(database.Unlimited());
        using var session = await DashboardSession.Open(host.BaseAddress).SignedInAsync("admin");
        var token = await session.TokenAsync("/admin");

        await AssertRefusedAsync(await session.Http.GetAsync("/api/metrics?window=1h&service=core%00"), "service", "NUL");
        await AssertRefusedAsync(await session.Http.GetAsync("/business?window=%1B%5B2J"), "window", "control");
        await AssertRefusedAsync(await PostAsync(session, "/admin?handler=CreateKey", token, ("name", "gateway\0"), ("scopes", "records:read")), "name", "NUL");
        using (var multipart = new MultipartFormDataContent { { new StringContent("gateway\0"), "name" }, { new StringContent("records:read"), "scopes" }, { new StringContent(token), "__RequestVerificationToken" } })
            await AssertRefusedAsync(await session.Http.PostAsync("/admin?handler=CreateKey", multipart), "name", "NUL");
        await AssertRefusedAsync(await PostAsync(session, "/agronomic?handler=Edit", token, ("id", "1"), ("answer", "Škropite\u0007 zjutraj")), "answer", "control");
        using (var fresh = DashboardSession.Open(host.BaseAddress))
        {
            var loginToken = await fresh.TokenAsync("/login");
            await AssertRefusedAsync(await PostAsync(fresh, "/login", loginToken, ("Username", "admin\0"), ("Password", "x")), "username", "NUL");
        }

        await using var db = database.CreateContext();
        Assert.Equal(0, await db.ApiKeys.CountAsync());
        // Free text keeps its line breaks: the same form with a multi-line name is accepted.
        using var ok = await PostAsync(session, "/admin?handler=CreateKey", token, ("name", "gateway\r\nline two"), ("scopes", "records:read"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, await db.ApiKeys.CountAsync());
    }

    private static Task<HttpResponseMessage> PostAsync(DashboardSession session, string path, string token, params (string Key, string Value)[] fields) =>
        session.Http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new("__RequestVerificationToken", token))));

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string what)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what} in {field}: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var doc = JsonDocument.Parse(body);
            var reasons = doc.RootElement.GetProperty("errors").GetProperty(field);
            Assert.Contains(what == "NUL" ? "NUL" : "control", reasons[0].GetString(), StringComparison.Ordinal);
        }
    }
}
