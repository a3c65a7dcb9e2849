using System.Net;
using AvaOlo.Data.Entities;

namespace AvaOlo.MonitoringDashboards.Tests.Auth;

[Collection("database")]
public sealed class AuthorizationTests(DashboardsServer server) : DashboardTest(server)
{
    [Theory]
    [InlineData(UserRoles.Business, "/business", "/admin", "/agronomic")]
    [InlineData(UserRoles.Agronomist, "/agronomic", "/business", "/admin")]
    public async Task A_role_opens_its_dashboard_and_is_denied_the_others(string role, string allowed, string denied1, string denied2)
    {
        using var browser = await SignedInAsync(role);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync(allowed)).Status);
        AssertAccessDenied(await browser.GetAsync(denied1));
        AssertAccessDenied(await browser.GetAsync(denied2));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/business")]
    [InlineData("/agronomic")]
    [InlineData("/admin")]
    public async Task Admin_opens_every_page(string path)
    {
        using var browser = await SignedInAsync(UserRoles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync(path)).Status);
    }

    [Fact]
    public async Task Access_denied_page_answers_403_and_names_the_role_needed()
    {
        using var browser = await SignedInAsync(UserRoles.Business);
        using var denied = await browser.GetAsync("/admin");

        var (status, html) = await browser.GetPageAsync(denied.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Access denied", html, StringComparison.Ordinal);
        Assert.Contains("needs the role <strong>admin</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>business</strong>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UserRoles.Business, new[] { "/business" })]
    [InlineData(UserRoles.Agronomist, new[] { "/agronomic" })]
    [InlineData(UserRoles.Admin, new[] { "/business", "/agronomic", "/admin" })]
    public async Task Selector_shows_only_the_dashboards_the_role_may_open(string role, string[] expected)
    {
        using var browser = await SignedInAsync(role);

        var (status, html) = await browser.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var path in new[] { "/business", "/agronomic", "/admin" })
        {
            var card = $"<a class=\"card\" href=\"{path}\">";
            if (expected.Contains(path)) Assert.Contains(card, html, StringComparison.Ordinal);
            else Assert.DoesNotContain(card, html, StringComparison.Ordinal);
        }
    }
}
