using System.Net;
using AvaOlo.Data.Entities;
using AvaOlo.MonitoringDashboards.Auth;
using AvaOlo.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AvaOlo.Security.Tests;

/// <summary>
/// A dashboard session follows the users table: disabling, demoting or resetting the password of a signed-in user
/// takes effect within a minute, and no session outlives 12 hours however often its pages refresh.
/// The service runs on a FakeTimeProvider, so "a minute later" is one call.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class DashboardSessionTests(TestDatabase database)
{
    private static readonly TimeSpan JustOverTheRecheck = SessionPolicy.RecheckEvery + TimeSpan.FromSeconds(1);

    private async Task<(ServiceHost<DashboardSignIn> Host, FakeTimeProvider Clock, DashboardSession Admin)> SignedInAdminAsync()
    {
        await database.ResetAsync();
        await DashboardSession.UserAsync(database, "boss", UserRoles.Admin);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var host = new ServiceHost<DashboardSignIn>(database.Unlimited(), services: s => s.AddSingleton<TimeProvider>(clock));
        var session = await DashboardSession.Open(host.BaseAddress).SignedInAsync("boss");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(session, "/admin"));
        return (host, clock, session);
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("delete")]
    [InlineData("reset password")]
    public async Task A_disabled_deleted_or_reset_admin_can_do_nothing_a_minute_later(string change)
    {
        var (host, clock, admin) = await SignedInAdminAsync();
        await using var _ = host;
        using var __ = admin;
        var token = await admin.TokenAsync("/admin");
        await ChangeAsync("boss", change);

        clock.Advance(JustOverTheRecheck);

        using (var page = await admin.Http.GetAsync("/admin"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/login", PathOf(page));
        }
        Assert.False(admin.HasAuthCookie(), "the ended session's cookie is deleted");
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(admin, "/api/metrics"));
        using var create = await admin.Http.PostAsync("/admin?handler=CreateKey", new FormUrlEncodedContent(
            [new("name", "after disable"), new("scopes", ApiScopes.Admin), new("__RequestVerificationToken", token)]));
        Assert.NotEqual(HttpStatusCode.OK, create.StatusCode);
        await using var db = database.CreateContext();
        Assert.False(await db.ApiKeys.AnyAsync(), "a key was made after the admin was " + change);
    }

    [Fact]
    public async Task A_demoted_admin_is_refused_admin_a_minute_later_and_works_with_the_new_role()
    {
        var (host, clock, admin) = await SignedInAdminAsync();
        await using var _ = host;
        using var __ = admin;
        await using (var db = database.CreateContext())
            await db.Users.Where(u => u.Username == "boss").ExecuteUpdateAsync(s => s.SetProperty(u => u.Role, UserRoles.Agronomist));

        // Within the minute the session still holds its last confirmed rights (the documented bound).
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin, "/admin"));
        clock.Advance(JustOverTheRecheck);

        using (var page = await admin.Http.GetAsync("/admin"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/access-denied", PathOf(page));
        }
        var agronomic = await admin.Http.GetAsync("/agronomic");
        Assert.Equal(HttpStatusCode.OK, agronomic.StatusCode);
        Assert.Contains("<span class=\"role\">agronomist</span>", await agronomic.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(admin.HasAuthCookie());
    }

    [Fact]
    public async Task A_session_ends_12_hours_after_sign_in_even_while_its_pages_keep_refreshing()
    {
        var (host, clock, admin) = await SignedInAdminAsync();
        await using var _ = host;
        using var __ = admin;
        var step = TimeSpan.FromMinutes(20);
        var elapsed = TimeSpan.Zero;
        while (elapsed + step < SessionPolicy.AbsoluteLifetime)
        {
            clock.Advance(step);
            elapsed += step;
            Assert.True(await StatusAsync(admin, "/admin") == HttpStatusCode.OK, $"refused after {elapsed}");
        }

        clock.Advance(SessionPolicy.AbsoluteLifetime - elapsed);

        using var page = await admin.Http.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", PathOf(page));
        // Refused whichever check sees it first: the cookie's own expiry (capped at sign-in + 12 h) or the absolute lifetime.
        using var api = await admin.Http.GetAsync("/api/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task An_idle_session_ends_after_8_hours()
    {
        var (host, clock, admin) = await SignedInAdminAsync();
        await using var _ = host;
        using var __ = admin;
        clock.Advance(SessionPolicy.IdleTimeout + TimeSpan.FromSeconds(1));
        using var page = await admin.Http.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", PathOf(page));
    }

    [Fact]
    public async Task During_a_database_outage_a_session_keeps_its_rights_for_the_grace_then_has_none_until_the_database_confirms_it()
    {
        await database.ResetAsync();
        await DashboardSession.UserAsync(database, "boss", UserRoles.Admin);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var db = new DatabaseSwitch(database.Options.Host!, database.Options.Port);
        var settings = database.Unlimited();
        settings["DB_HOST"] = "127.0.0.1";
        settings["DB_PORT"] = db.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var host = new ServiceHost<DashboardSignIn>(settings, services: s => s.AddSingleton<TimeProvider>(clock));
        using var admin = await DashboardSession.Open(host.BaseAddress).SignedInAsync("boss");
        // /access-denied needs a signed-in user and nothing from the database: it shows what the session is worth.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(admin, "/access-denied"));

        db.Down();
        clock.Advance(JustOverTheRecheck);
        for (var i = 0; i < 3; i++) // also uses up the pool's connections that the outage broke
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(admin, "/access-denied"));

        clock.Advance(SessionPolicy.OutageGrace);
        using (var page = await admin.Http.GetAsync("/access-denied"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/login", PathOf(page));
        }
        Assert.True(admin.HasAuthCookie(), "the cookie is kept for when the database is back");

        db.Up();
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(admin, "/access-denied"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin, "/admin"));
    }

    private async Task ChangeAsync(string username, string change)
    {
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Username == username);
        switch (change)
        {
            case "disable": user.DisabledAt = DateTimeOffset.UtcNow; break;
            case "delete": db.Users.Remove(user); break;
            default: user.PasswordHash = new PasswordHasher<User>().HashPassword(user, "a brand new password 42"); break;
        }
        await db.SaveChangesAsync();
    }

    private static string PathOf(HttpResponseMessage r) =>
        r.Headers.Location is { IsAbsoluteUri: true } u ? u.AbsolutePath : r.Headers.Location!.OriginalString.Split('?')[0];

    private static async Task<HttpStatusCode> StatusAsync(DashboardSession s, string path)
    {
        using var r = await s.Http.GetAsync(path);
        return r.StatusCode;
    }

    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<double, double, SessionPolicy.Step> Steps => new()
    {
        // minutes since sign-in, minutes since the last check → what happens on the next request
        { 0, 0, SessionPolicy.Step.Keep },
        { 5, 0.5, SessionPolicy.Step.Keep },
        { 5, 0.99, SessionPolicy.Step.Keep },
        { 5, 1, SessionPolicy.Step.Recheck },
        { 300, 120, SessionPolicy.Step.Recheck },
        { 719.9, 0, SessionPolicy.Step.Keep },
        { 720, 0, SessionPolicy.Step.End },
        { 720, 5, SessionPolicy.Step.End },
        { 10_000, 10_000, SessionPolicy.Step.End },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Session_policy_rechecks_every_minute_and_ends_at_12_hours(double sinceSignIn, double sinceCheck, SessionPolicy.Step expected)
    {
        var now = T0.AddMinutes(sinceSignIn);
        Assert.Equal(expected, SessionPolicy.Next(T0, now.AddMinutes(-sinceCheck), now));
    }

    [Theory]
    [InlineData(0, 8 * 60)]
    [InlineData(60, 9 * 60)]
    [InlineData(4 * 60, 12 * 60)]
    [InlineData(5 * 60, 12 * 60)]
    [InlineData(11 * 60 + 59, 12 * 60)]
    public void A_reissued_cookie_expires_8_hours_after_the_check_but_never_after_12_hours(int minutesSinceSignIn, int expiresMinutesAfterSignIn) =>
        Assert.Equal(T0.AddMinutes(expiresMinutesAfterSignIn), SessionPolicy.ExpiresAt(T0, T0.AddMinutes(minutesSinceSignIn)));

    [Theory]
    [InlineData(30, true)]
    [InlineData(90, true)]
    [InlineData(119, true)]
    [InlineData(120, false)]
    [InlineData(3600, false)]
    public void During_a_database_outage_rights_last_only_a_short_grace_after_the_last_confirmation(int secondsSinceCheck, bool kept) =>
        Assert.Equal(kept, SessionPolicy.KeepUnconfirmed(T0, T0.AddSeconds(secondsSinceCheck)));

    public static TheoryData<string, SessionPolicy.Verdict> Changes => new()
    {
        { "none", SessionPolicy.Verdict.Same },
        { "role", SessionPolicy.Verdict.Changed },
        { "display name", SessionPolicy.Verdict.Changed },
        { "username", SessionPolicy.Verdict.Changed },
        { "disabled", SessionPolicy.Verdict.Revoked },
        { "password", SessionPolicy.Verdict.Revoked },
        { "deleted", SessionPolicy.Verdict.Revoked },
        { "other id", SessionPolicy.Verdict.Revoked },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Session_policy_compares_the_cookie_with_the_users_table(string change, SessionPolicy.Verdict expected)
    {
        var cookie = new SessionUser(7, "ana", "Ana", UserRoles.Admin, "00AA", false);
        SessionUser? now = change switch
        {
            "none" => cookie,
            "role" => cookie with { Role = UserRoles.Business },
            "display name" => cookie with { DisplayName = "Ana N." },
            "username" => cookie with { Username = "ana.novak" },
            "disabled" => cookie with { Disabled = true },
            "password" => cookie with { PasswordStamp = "00AB" },
            "other id" => cookie with { Id = 8 },
            _ => null,
        };
        Assert.Equal(expected, SessionPolicy.Compare(cookie, now));
    }
}
