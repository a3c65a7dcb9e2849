using System.Net;
using System.Text;
using AvaOlo.Data.Entities;
using AvaOlo.MonitoringDashboards.Auth;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AvaOlo.Security.Tests;

/// <summary>The login throttle's table: bounded, free of the text people typed, and never fed oversized input.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class LoginThrottleTests(TestDatabase database)
{
    [Fact]
    public async Task Oversized_usernames_and_passwords_are_refused_with_a_clear_message_before_the_throttle_counts_them()
    {
        await database.ResetAsync();
        await using var host = new ServiceHost<DashboardSignIn>(database.Unlimited());
        using var browser = DashboardSession.Open(host.BaseAddress);

        foreach (var (username, password, message) in new[]
                 {
                     (new string('u', 255), "whatever", "The username is too long: at most 254 characters."),
                     (new string('u', 1_000_000), "whatever", "The username is too long: at most 254 characters."),
                     ("ana", new string('p', 1025), "The password is too long: at most 1,024 characters."),
                 })
        {
            using var response = await browser.LoginAsync(username, password);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.DoesNotContain(new string('u', 255), html, StringComparison.Ordinal); // not echoed back either
        }
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.LoginFailures.CountAsync());

        // At the bounds the attempt is an ordinary wrong login, and counted.
        using (var atBound = await browser.LoginAsync(new string('u', 254), new string('p', 1024)))
            Assert.Contains("Wrong username or password.", await atBound.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await db.LoginFailures.CountAsync()); // one for the username, one for the address
    }

    [Fact]
    public async Task The_table_keeps_hashes_not_what_was_typed_and_forgets_attempts_that_left_the_window()
    {
        await database.ResetAsync();
        await DashboardSession.UserAsync(database, "ana", UserRoles.Admin);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using (var db = database.CreateContext())
        {
            // 1,000 attempts from an earlier flood, all older than the window.
            var old = clock.GetUtcNow() - LoginThrottlePolicy.Window - TimeSpan.FromMinutes(1);
            db.LoginFailures.AddRange(Enumerable.Range(0, 1000).Select(i => new LoginFailure { Key = Encoding.UTF8.GetBytes($"old{i:D29}"), At = old }));
            await db.SaveChangesAsync();
        }
        await using var host = new ServiceHost<DashboardSignIn>(database.Unlimited(), services: s => s.AddSingleton<TimeProvider>(clock));
        using var browser = DashboardSession.Open(host.BaseAddress);

        const string typed = "my secret password typed as a username";
        for (var i = 0; i < 10; i++)
        {
            using var failed = await browser.LoginAsync(i < 4 ? typed : $"guess{i}", "x");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        await using var check = database.CreateContext();
        var rows = await check.LoginFailures.AsNoTracking().ToListAsync();
        Assert.Equal(20, rows.Count); // each attempt deleted 100 old rows: 1,000 gone, the 10 attempts' 2 rows each kept
        Assert.All(rows, r => Assert.Equal(32, r.Key.Length));
        Assert.DoesNotContain(rows, r => Encoding.UTF8.GetString(r.Key).Contains("secret", StringComparison.Ordinal));

        // A success forgives the username's failures, not the address's.
        using (var ok = await browser.LoginAsync("ana", DashboardSession.Password)) Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(20, await check.LoginFailures.CountAsync());
        clock.Advance(LoginThrottlePolicy.Window);
        using (var again = DashboardSession.Open(host.BaseAddress))
        using (var failed = await again.LoginAsync("nobody", "x")) Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Equal(2, await check.LoginFailures.CountAsync()); // the window's 20 rows left with it
    }
}
