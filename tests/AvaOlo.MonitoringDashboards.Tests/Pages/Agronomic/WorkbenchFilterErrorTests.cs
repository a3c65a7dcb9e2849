using System.Net;
using System.Text.Json;
using AvaOlo.Data.Entities;
using AvaOlo.MonitoringDashboards.Pages;

namespace AvaOlo.MonitoringDashboards.Tests.Pages.Agronomic;

/// <summary>A bad workbench filter: the page tells a person which field and why; a program asking for JSON gets RFC 9457.</summary>
[Collection("database")]
public sealed class WorkbenchFilterErrorTests(DashboardsServer server) : DashboardTest(server)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    [Theory]
    [InlineData("farmer=abc", "farmer", "must be a farmer id (a positive whole number)", "application/problem+json")]
    [InlineData("language=croatian", "language", "must be a two-letter ISO 639-1 code, e.g. hr", "application/json")]
    [InlineData("method=gpt&country=Croatia", "method", "must be one of llm, offline, cache", "application/problem+json, application/json;q=0.9")]
    [InlineData("after=1.2", "after", "is not a position in the queue", "application/json, text/html;q=0.5")]
    public async Task A_client_asking_for_json_gets_problem_details_naming_the_field(string query, string field, string reason, string accept)
    {
        using var browser = await SignedInAsync(UserRoles.Agronomist);

        using var response = await browser.GetAcceptingAsync("/agronomic?" + query, accept);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(400, root.GetProperty("status").GetInt32());
        Assert.Equal(reason, root.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Contains($"{field} {reason}", root.GetProperty("detail").GetString(), StringComparison.Ordinal);
        if (query.Contains("country=Croatia", StringComparison.Ordinal))
            Assert.Equal("must be a two-letter ISO 3166-1 code, e.g. HR", root.GetProperty("errors").GetProperty("country")[0].GetString());
    }

    [Theory]
    [InlineData(BrowserAccept)]
    [InlineData("")]
    [InlineData("*/*")]
    [InlineData("text/html, application/json")]
    public async Task A_person_gets_the_page_naming_the_field_and_the_reason(string accept)
    {
        using var browser = await SignedInAsync(UserRoles.Agronomist);

        using var response = await browser.GetAcceptingAsync("/agronomic?language=croatian&farmer=-3", accept);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<li><strong>language</strong> must be a two-letter ISO 639-1 code, e.g. hr</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><strong>farmer</strong> must be a farmer id (a positive whole number)</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_filters_still_answer_a_json_client_with_the_page()
    {
        using var browser = await SignedInAsync(UserRoles.Agronomist);
        using var response = await browser.GetAcceptingAsync("/agronomic?language=hr", "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("application/problem+json", true)]
    [InlineData("application/json", true)]
    [InlineData("APPLICATION/JSON; charset=utf-8", true)]
    [InlineData("application/json;q=0.9, text/html;q=0.8", true)]
    [InlineData("text/html, application/json", false)]         // a tie: the page answers a person
    [InlineData("text/html;q=0.9, application/json;q=0.9", false)]
    [InlineData("text/html, application/json;q=0.9", false)]
    [InlineData(BrowserAccept, false)]
    [InlineData("*/*", false)]
    [InlineData("application/*", false)]
    [InlineData("application/json;q=0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("not a media type", false)]
    public void Json_is_chosen_only_when_the_client_prefers_it(string? accept, bool json) =>
        Assert.Equal(json, Negotiation.WantsJson(accept));
}
