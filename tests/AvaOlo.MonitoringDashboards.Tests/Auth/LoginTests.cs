using System.Net;
using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.MonitoringDashboards.Tests.Auth;

[Collection("database")]
public sealed class LoginTests(DashboardsServer server) : DashboardTest(server)
{
    private const string WrongCredentials = "Wrong username or password.";

    [Theory]
    [InlineData("/business")]
    [InlineData("/agronomic")]
    [InlineData("/admin")]
    [InlineData("/")]
    public async Task Anonymous_visitor_is_sent_to_login_with_the_page_to_return_to(string path)
    {
        using var browser = Server.NewBrowser();
        using var response = await browser.GetAsync(path);
        AssertRedirectsToLogin(response, path);
    }

    [Fact]
    public async Task Login_redirects_to_the_local_return_url_and_sets_a_strict_http_only_cookie()
    {
        await Seed.UserAsync(Database, "ana", UserRoles.Business);
        using var browser = Server.NewBrowser();

        using var response = await browser.LoginAsync("ana", Seed.Password, "/business");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/business", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("avaolo_auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync("/business")).Status);
    }

    [Fact]
    public async Task Username_is_matched_case_insensitively_and_the_login_time_is_recorded()
    {
        var user = await Seed.UserAsync(Database, "marko@example.si", UserRoles.Agronomist);
        using var browser = Server.NewBrowser();

        await browser.LoginOkAsync("  Marko@Example.SI ", Seed.Password);

        await using var db = Database.CreateContext();
        var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
        Assert.NotNull(stored.LastLoginAt);
    }

    [Theory]
    [InlineData("ana", "wrong password")]
    [InlineData("nobody", Seed.Password)]
    [InlineData("disabled", Seed.Password)]
    public async Task Failed_login_stays_on_the_form_with_one_generic_message_and_no_cookie(string username, string password)
    {
        await Seed.UserAsync(Database, "ana", UserRoles.Admin);
        await Seed.UserAsync(Database, "disabled", UserRoles.Admin, disabledAt: DateTimeOffset.UtcNow);
        using var browser = Server.NewBrowser();

        using var response = await browser.LoginAsync(username, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(WrongCredentials, html, StringComparison.Ordinal);
        Assert.Contains("<form", html, StringComparison.Ordinal);
        Assert.False(browser.HasAuthCookie());
        AssertRedirectsToLogin(await browser.GetAsync("/admin"), "/admin");
    }

    [Fact]
    public async Task Login_post_without_antiforgery_token_is_refused()
    {
        await Seed.UserAsync(Database, "ana", UserRoles.Admin);
        using var browser = Server.NewBrowser();
        await browser.GetPageAsync("/login"); // even holding the antiforgery cookie, the form token is required

        using var response = await browser.PostAsync("/login", ("Username", "ana"), ("Password", Seed.Password));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(browser.HasAuthCookie());
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example/business")]
    [InlineData("/\\evil.example")]
    public async Task Return_url_to_another_site_is_ignored(string returnUrl)
    {
        await Seed.UserAsync(Database, "ana", UserRoles.Business);
        using var browser = Server.NewBrowser();

        using var response = await browser.LoginAsync("ana", Seed.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        using var browser = await SignedInAsync(UserRoles.Business);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync("/business")).Status);

        var (confirmStatus, confirm) = await browser.GetPageAsync("/logout");
        Assert.Equal(HttpStatusCode.OK, confirmStatus);
        Assert.Contains("Sign out", confirm, StringComparison.Ordinal);
        Assert.True(browser.HasAuthCookie(), "GET /logout must only ask, not sign out");

        using var response = await browser.SubmitAsync("/logout", "/logout");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(browser.HasAuthCookie());
        AssertRedirectsToLogin(await browser.GetAsync("/business"), "/business");
    }

    [Fact]
    public async Task Logout_post_without_antiforgery_token_is_refused()
    {
        using var browser = await SignedInAsync(UserRoles.Business);

        using var response = await browser.PostAsync("/logout");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(browser.HasAuthCookie());
    }
}
