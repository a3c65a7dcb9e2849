using System.Net;
using AvaOlo.Data.Entities;
using AvaOlo.MonitoringDashboards.Auth;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.MonitoringDashboards.Tests.Auth;

/// <summary>
/// Two instances behind one load balancer share the database and nothing else: the key ring (cookies, antiforgery
/// tokens) and the login throttle must live there. The second instance starts after the sign-in, as after a deploy.
/// </summary>
[Collection("database")]
public sealed class TwoInstancesTests(DashboardsServer server) : DashboardTest(server)
{
    [Fact]
    public async Task A_sign_in_on_one_instance_reads_and_posts_forms_on_another()
    {
        await Seed.UserAsync(Database, "ana", UserRoles.Admin);
        using var onA = Server.NewBrowser();
        await onA.LoginOkAsync("ana", Seed.Password);

        await using var b = Server.StartAnotherInstance();
        var addressB = b.BaseAddress;
        using var onB = Browser.Open(addressB);
        onB.CopyCookiesFrom(onA, Server.BaseAddress);

        var (status, html) = await onB.GetPageAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Admin dashboard", html, StringComparison.Ordinal);
        // B's page gives B's antiforgery token; with A's sign-in cookie the form is accepted.
        using var created = await onB.PostAsync("/admin?handler=CreateKey", ("name", "made on B"), ("scopes", ApiScopes.RecordsRead),
            ("__RequestVerificationToken", Browser.AntiforgeryToken(html)));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("created", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.Equal("made on B", (await db.ApiKeys.SingleAsync()).Name);

        // And back: a form from B's page is accepted by A.
        var (_, again) = await onB.GetPageAsync("/admin");
        onA.CopyCookiesFrom(onB, addressB);
        using var revoked = await onA.PostAsync($"/admin?handler=RevokeKey&id={(await db.ApiKeys.SingleAsync()).Id}",
            ("__RequestVerificationToken", Browser.AntiforgeryToken(again)));
        Assert.Contains("Key revoked", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_logins_on_one_instance_count_on_another()
    {
        await Seed.UserAsync(Database, "ana", UserRoles.Admin);
        await using var b = Server.StartAnotherInstance();
        var addressB = b.BaseAddress;
        using var onA = Server.NewBrowser();
        for (var i = 0; i < LoginThrottlePolicy.MaxFailuresPerUsername; i++)
        {
            using var failed = await onA.LoginAsync("ana", "wrong " + i);
            Assert.Contains("Wrong username or password.", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var onB = Browser.Open(addressB);
        using var throttled = await onB.LoginAsync("ana", Seed.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains("Too many failed sign-in attempts", await throttled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(onB.HasAuthCookie());
    }
}
