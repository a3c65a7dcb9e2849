using System.Net;
using AvaOlo.Data.Entities;
using AvaOlo.MonitoringDashboards.Auth;
using AvaOlo.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AvaOlo.Security.Tests;

[Collection(DatabaseCollection.Name)]
public sealed class HeadersAndLoginTests(TestDatabase database)
{
    private static void AssertSecurityHeaders(HttpResponseMessage r, string what, string referrer, List<string> failures)
    {
        string? Get(string name) => r.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : r.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : null;
        if (Get("X-Content-Type-Options") != "nosniff") failures.Add($"{what}: X-Content-Type-Options is {Get("X-Content-Type-Options") ?? "missing"}");
        if (Get("Referrer-Policy") != referrer) failures.Add($"{what}: Referrer-Policy is {Get("Referrer-Policy") ?? "missing"}");
        if (Get("Content-Security-Policy") is not { } csp || !csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal) || !csp.Contains("object-src 'none'", StringComparison.Ordinal))
            failures.Add($"{what}: Content-Security-Policy is {Get("Content-Security-Policy") ?? "missing"}");
        if (Get("X-Frame-Options") != "DENY") failures.Add($"{what}: X-Frame-Options is {Get("X-Frame-Options") ?? "missing"}");
        if (Get("Server") is not null) failures.Add($"{what}: Server header {Get("Server")}");
    }

    [Fact]
    public async Task Core_sends_security_headers_on_every_response_and_the_docs_page_works_under_its_policy()
    {
        var w = await World.CreateAsync(database);
        await using var host = new ServiceHost<AvaOlo.AgriculturalCore.Auth.Caller>(database.Unlimited());
        using var admin = host.Client(w.Keys[Who.Admin]);
        using var anonymous = host.Client();
        var failures = new List<string>();
        foreach (var (client, method, path, body) in new (HttpClient, string, string, string?)[]
                 {
                     (anonymous, "GET", "/", null), (anonymous, "GET", "/health", null), (anonymous, "GET", "/openapi/v1.json", null), (anonymous, "GET", "/docs/v1", null),
                     (anonymous, "GET", "/nope", null), (anonymous, "GET", "/api/v1/farmers", null), (admin, "GET", "/api/v1/farmers", null),
                     (admin, "GET", "/api/v1/farmers/999999", null), (admin, "POST", "/api/v1/farmers", "{broken"), (admin, "DELETE", "/api/v1/materials", null),
                     (admin, "POST", "/api/v1/farmers", "{\"name\":\"x\",\"phone\":\"+38640123456\"}"),
                 })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request);
            AssertSecurityHeaders(response, $"{method} {path} ({(int)response.StatusCode})", "no-referrer", failures);
        }

        // The docs page and every script and stylesheet it loads come from this origin, so the policy lets it run.
        var html = await anonymous.GetStringAsync("/docs/v1");
        var assets = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(assets);
        foreach (var asset in assets.Where(a => !a.StartsWith("data:", StringComparison.Ordinal)))
        {
            if (asset.StartsWith("http", StringComparison.Ordinal) || asset.StartsWith("//", StringComparison.Ordinal)) { failures.Add($"docs page loads {asset} from another origin"); continue; }
            using var response = await anonymous.GetAsync(new Uri(new Uri(host.BaseAddress, "/docs/v1"), asset));
            if (response.StatusCode != HttpStatusCode.OK) failures.Add($"docs asset {asset}: {(int)response.StatusCode}");
            AssertSecurityHeaders(response, $"docs asset {asset}", "no-referrer", failures);
        }
        Report.NoFailures(failures, assets.Count + 11, "responses");
    }

    [Fact]
    public async Task Dashboards_send_security_headers_on_every_page_api_answer_error_and_static_file()
    {
        await database.ResetAsync();
        await DashboardSession.UserAsync(database, "admin", UserRoles.Admin);
        await using var host = new ServiceHost<DashboardSignIn>(database.Unlimited());
        using var session = await DashboardSession.Open(host.BaseAddress).SignedInAsync("admin");
        using var anonymous = host.Client();
        var failures = new List<string>();
        string[] paths = ["/", "/business", "/agronomic", "/admin", "/login", "/logout", "/access-denied", "/error", "/health", "/api/metrics", "/api/metrics?window=bad",
            "/api/health", "/api/nope", "/nope", "/css/site.css", "/js/dashboards.js", "/lib/chart.js/chart.umd.min.js", "/favicon.ico"];
        foreach (var path in paths)
        {
            foreach (var (who, client) in new[] { ("admin", session.Http), ("anonymous", anonymous) })
            {
                using var response = await client.GetAsync(path);
                AssertSecurityHeaders(response, $"{who} GET {path} ({(int)response.StatusCode})", "same-origin", failures);
                if (response.Headers.TryGetValues("Content-Security-Policy", out var csp) && string.Join(",", csp).Contains("unsafe-inline", StringComparison.Ordinal))
                    failures.Add($"{path}: the dashboards' policy allows inline code");
            }
        }
        using (var trace = await session.Http.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/admin")))
        {
            Assert.Equal(HttpStatusCode.MethodNotAllowed, trace.StatusCode);
            AssertSecurityHeaders(trace, "TRACE /admin", "same-origin", failures);
        }
        Report.NoFailures(failures, paths.Length * 2, "responses");
    }

    [Fact]
    public async Task Dashboard_login_is_throttled_after_five_failures_for_a_username_and_lifts_after_the_window()
    {
        await database.ResetAsync();
        await DashboardSession.UserAsync(database, "ana", UserRoles.Admin);
        await DashboardSession.UserAsync(database, "marko", UserRoles.Business);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new ServiceHost<DashboardSignIn>(database.Unlimited(), services: s => s.AddSingleton<TimeProvider>(clock));
        using var browser = DashboardSession.Open(host.BaseAddress);
        for (var i = 0; i < LoginThrottlePolicy.MaxFailuresPerUsername; i++)
        {
            using var failed = await browser.LoginAsync("ana", "wrong " + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("Wrong username or password.", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The right password no longer helps: the attempt is refused before it is checked.
        using var throttled = await browser.LoginAsync("ANA ", DashboardSession.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        var retry = throttled.Headers.RetryAfter?.Delta;
        Assert.NotNull(retry);
        Assert.InRange(retry.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Contains("Too many failed sign-in attempts. Wait 15 minutes", await throttled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(browser.HasAuthCookie());

        // Another user from the same address is not locked out by ana's failures.
        using (var other = DashboardSession.Open(host.BaseAddress)) await other.SignedInAsync("marko");

        clock.Advance(LoginThrottlePolicy.Window);
        await browser.SignedInAsync("ana");
        Assert.True(browser.HasAuthCookie());
    }

    [Fact]
    public async Task Dashboard_login_is_throttled_per_client_address_across_usernames()
    {
        await database.ResetAsync();
        await DashboardSession.UserAsync(database, "ana", UserRoles.Admin);
        await using var host = new ServiceHost<DashboardSignIn>(database.Unlimited());
        using var browser = DashboardSession.Open(host.BaseAddress);
        for (var i = 0; i < LoginThrottlePolicy.MaxFailuresPerAddress; i++)
        {
            using var failed = await browser.LoginAsync($"guess{i}", "password");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        using var throttled = await browser.LoginAsync("ana", DashboardSession.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.False(browser.HasAuthCookie());
    }

    public static TheoryData<int[], int, int, int> Cases => new()
    {
        // failures (minutes before now), limit, window minutes → expected wait in seconds
        { [], 5, 15, 0 },
        { [1, 2, 3, 4], 5, 15, 0 },
        { [10, 8, 6, 4, 2], 5, 15, 5 * 60 },
        { [20, 10, 8, 6, 4, 2], 5, 15, 5 * 60 },
        { [20, 12, 10, 8, 6, 4, 2], 5, 15, 5 * 60 },
        { [9, 7, 5, 3, 1], 5, 10, 1 * 60 },
        { [16, 14, 12, 10, 8], 5, 15, 0 },
        { [15, 4, 3, 2, 1], 5, 15, 0 },
        { [0, 0, 0, 0, 0], 5, 15, 15 * 60 },
        { [14, 13, 12, 11, 10, 9, 8], 5, 15, 3 * 60 },
        { [3], 1, 15, 12 * 60 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Throttle_policy_waits_until_the_oldest_counted_failure_leaves_the_window(int[] minutesAgo, int limit, int windowMinutes, int expectedSeconds)
    {
        var now = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var failures = minutesAgo.Select(m => now.AddMinutes(-m)).ToList();
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), LoginThrottlePolicy.RetryAfter(failures, now, limit, TimeSpan.FromMinutes(windowMinutes)));
    }
}
