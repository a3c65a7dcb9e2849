using System.Net;
using AvaOlo.Data.Entities;
using AvaOlo.ServiceDefaults;

namespace AvaOlo.MonitoringDashboards.Tests.Pages;

[Collection("database")]
public sealed class PageTests(DashboardsServer server) : DashboardTest(server)
{
    private static string Badge => $"<span class=\"version\" title=\"Version of this service\">v{AppInfo.Version}</span>";

    [Fact]
    public async Task Version_badge_is_on_the_anonymous_pages()
    {
        using var browser = Server.NewBrowser();
        foreach (var path in new[] { "/login", "/logout" })
        {
            var (status, html) = await browser.GetPageAsync(path);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(Badge, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_badge_and_the_signed_in_user_are_on_every_signed_in_page()
    {
        using var browser = await SignedInAsync(UserRoles.Admin, "Ana Admin");
        foreach (var path in new[] { "/", "/business", "/agronomic", "/admin" })
        {
            var (status, html) = await browser.GetPageAsync(path);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(Badge, html, StringComparison.Ordinal);
            Assert.Contains("<span class=\"who-name\">Ana Admin</span> <span class=\"role\">admin</span>", html, StringComparison.Ordinal);
            Assert.Contains("action=\"/logout\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_badge_is_on_the_access_denied_page()
    {
        using var browser = await SignedInAsync(UserRoles.Agronomist);
        var (status, html) = await browser.GetPageAsync("/access-denied?ReturnUrl=%2Fbusiness");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains(Badge, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Display_name_with_markup_is_shown_as_text()
    {
        using var browser = await SignedInAsync(UserRoles.Business, "<script>alert(1)</script>");

        var (_, html) = await browser.GetPageAsync("/");

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_are_accessible_by_construction()
    {
        using var browser = Server.NewBrowser();
        var (_, html) = await browser.GetPageAsync("/login");

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"skip-link\" href=\"#main\">", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"username\">", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }
}
