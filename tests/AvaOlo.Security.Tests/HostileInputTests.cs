using System.Net;
using System.Text;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.Security.Tests;

/// <summary>
/// Hundreds of malformed and hostile requests (route × mutation) against every route of both services: no 5xx,
/// every API error RFC 9457 problem details, the process still serving and the database intact afterwards.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class HostileInputTests(TestDatabase database)
{
    [Fact]
    public async Task Core_answers_every_hostile_request_with_a_4xx_problem_or_a_success_never_a_5xx()
    {
        var w = await World.CreateAsync(database);
        await using var host = new ServiceHost<AvaOlo.AgriculturalCore.Auth.Caller>(database.Unlimited());
        using var admin = host.Client(w.Keys[Who.Admin]);
        using var anonymous = host.Client();
        var probes = HostileCorpus.For(HostileCorpus.CoreRoutes(), w).ToList();
        var failures = new List<string>();
        foreach (var probe in probes)
        {
            var answer = await Answer.SendAsync(admin, probe.ToRequest());
            if (answer.Problem(problemDetailsRequired: true) is { } why) failures.Add(Report.Line(probe, answer, why));
        }
        // The same corpus's odd methods and path tricks without a key: 401/404/405, all problem details.
        var anonymousProbes = probes.Where(p => p.Mutation.StartsWith("method", StringComparison.Ordinal) || p.Mutation.StartsWith("path", StringComparison.Ordinal)).ToList();
        foreach (var probe in anonymousProbes)
        {
            var answer = await Answer.SendAsync(anonymous, probe.ToRequest());
            if (answer.Problem(problemDetailsRequired: true) is { } why) failures.Add("anonymous " + Report.Line(probe, answer, why));
        }
        foreach (var header in HostileAuthorizationHeaders())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/farmer/{w.A.Id}/fields");
            request.Headers.TryAddWithoutValidation("Authorization", header);
            var answer = await Answer.SendAsync(anonymous, request);
            var probe = new Probe("GET /api/v1/farmer/{id}/fields", $"Authorization: {header[..Math.Min(30, header.Length)]}", "GET", "");
            if (answer.Status != 401) failures.Add(Report.Line(probe, answer, "expected 401"));
            else if (answer.Problem(problemDetailsRequired: true) is { } why) failures.Add(Report.Line(probe, answer, why));
        }

        Assert.True(probes.Count + anonymousProbes.Count >= 500, $"the corpus has only {probes.Count + anonymousProbes.Count} requests");
        Assert.True(probes.Select(p => p.Route).Distinct().Count() == HostileCorpus.CoreRoutes().Count, "some route has no hostile requests");
        Report.NoFailures(failures, probes.Count + anonymousProbes.Count, "hostile requests to the core");
        await AssertStillServingAndIntactAsync(host, w);
    }

    [Fact]
    public async Task Dashboards_answer_every_hostile_request_without_a_5xx_and_their_api_with_problem_details()
    {
        await database.ResetAsync();
        await DashboardSession.UserAsync(database, "admin", UserRoles.Admin);
        await using var host = new ServiceHost<AvaOlo.MonitoringDashboards.Auth.DashboardSignIn>(database.Unlimited());
        using var session = await DashboardSession.Open(host.BaseAddress).SignedInAsync("admin");
        using var anonymous = host.Client();
        var adminToken = await session.TokenAsync("/admin");
        var probes = DashboardProbes(adminToken).ToList();
        var failures = new List<string>();
        foreach (var probe in probes)
        {
            foreach (var (who, client) in new[] { ("admin", session.Http), ("anonymous", anonymous) })
            {
                var answer = await Answer.SendAsync(client, probe.ToRequest());
                var isApi = probe.Path.StartsWith("/api/", StringComparison.Ordinal) || probe.Path == "/api";
                if (answer.Problem(problemDetailsRequired: isApi) is { } why) failures.Add($"{who} " + Report.Line(probe, answer, why));
            }
        }
        Assert.True(probes.Count * 2 >= 500, $"the dashboards corpus has only {probes.Count * 2} requests");
        Report.NoFailures(failures, probes.Count * 2, "hostile requests to the dashboards");
        using var health = await anonymous.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Users.CountAsync());
    }

    private static IEnumerable<string> HostileAuthorizationHeaders() =>
    [
        "Bearer ' OR 1=1 --", "Bearer ava_' OR 1=1 --_x", "Bearer ava_%00_x", "Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer ", "bearer ava__",
        "Bearer ava_" + new string('a', 20_000) + "_b", "Bearer ava_abc_def_ghi", "Negotiate abc", "Bearer ava_1;DROP TABLE api_keys_x",
    ];

    private static IEnumerable<Probe> DashboardProbes(string token)
    {
        string[] pages = ["/", "/business", "/agronomic", "/admin", "/login", "/logout", "/access-denied", "/error", "/health", "/api/metrics", "/api/health",
            "/css/site.css", "/js/dashboards.js", "/lib/chart.js/chart.umd.min.js", "/api", "/api/nope"];
        foreach (var page in pages)
        {
            foreach (var m in HostileCorpus.OddMethods) yield return new(page, $"method {m}", m, page);
            yield return new(page, "GET", "GET", page);
            foreach (var t in HostileCorpus.PathTricks.Take(12)) yield return new(page, $"path {t}", "GET", page.TrimEnd('/') + "/" + t);
            foreach (var q in new[] { "window=../../etc/passwd", "window=1e3", "window=%00", "service=%27%3B--", "service=" + new string('s', 3000), "ReturnUrl=//evil.example",
                         "ReturnUrl=javascript:alert(1)", "Done=%27%20OR%201=1", "handler=Nope", "handler=%00", "window=5m&window=1h", "id=99999999999",
                         "after=0.3155378975999999999.1", "before=-1.-1.-1", "crop=%25%5F%5C%27", "farmer=99999999999", "check=%27%29%20OR%20true--", "country=%D0%96%D0%96" })
                yield return new(page, $"query {q[..Math.Min(q.Length, 40)]}", "GET", $"{page}?{q}");
        }
        // Forms: hostile values, with the antiforgery token (so they reach the handlers) and without it.
        string[] forms = ["/login", "/logout", "/admin?handler=Role", "/admin?handler=ToggleUser", "/admin?handler=CreateKey", "/admin?handler=RevokeKey",
            "/agronomic?handler=Approve", "/agronomic?handler=ApproveMany", "/agronomic?handler=Edit", "/agronomic?handler=Reply",
            "/agronomic?handler=ApproveFiltered", "/agronomic?handler=Retire", "/error", "/api/metrics"];
        string[] values = ["' OR 1=1 --", "99999999999", "-1", "1e3", " 1", "\u202Eevil", "a\u0000b", "\uD83C\uDF3E", new string('x', 20_000), ""];
        foreach (var form in forms)
        {
            foreach (var v in values)
            {
                var fields = $"Username={Uri.EscapeDataString(v)}&Password={Uri.EscapeDataString(v)}&id={Uri.EscapeDataString(v)}&ids={Uri.EscapeDataString(v)}&ids=2" +
                             $"&role={Uri.EscapeDataString(v)}&name={Uri.EscapeDataString(v)}&scopes={Uri.EscapeDataString(v)}&farmerId={Uri.EscapeDataString(v)}&answer={Uri.EscapeDataString(v)}" +
                             $"&scope={Uri.EscapeDataString(v)}&upTo={Uri.EscapeDataString(v)}&expected={Uri.EscapeDataString(v)}&farmer={Uri.EscapeDataString(v)}&crop={Uri.EscapeDataString(v)}";
                var label = v.Length > 20 ? v[..20] : v;
                yield return new(form, $"form {label}", "POST", form, fields + "&__RequestVerificationToken=" + Uri.EscapeDataString(token), "application/x-www-form-urlencoded");
                yield return new(form, $"form without token {label}", "POST", form, fields, "application/x-www-form-urlencoded");
            }
            yield return new(form, "json body", "POST", form, "{\"Username\":\"admin\"}", "application/json");
            yield return new(form, "broken form", "POST", form, "%%%=&&==%zz", "application/x-www-form-urlencoded");
            yield return new(form, "huge form", "POST", form, "a=" + new string('b', 1_100_000), "application/x-www-form-urlencoded");
            yield return new(form, "no body", "POST", form, null, null);
            yield return new(form, "multipart garbage", "POST", form, "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n", "multipart/form-data; boundary=y");
        }
    }

    /// <summary>After the corpus: still healthy, tables all there, B's records as they were.</summary>
    private async Task AssertStillServingAndIntactAsync<T>(ServiceHost<T> host, World w) where T : class
    {
        using var client = host.Client();
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await using var db = database.CreateContext();
        foreach (var table in new[] { "farmers", "fields", "plantings", "tasks", "api_keys", "audit_log", "users", "materials" })
        {
            var exists = await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_name = {table}").SingleAsync();
            Assert.True(exists == 1, $"table {table} is gone");
        }
        Assert.Equal("Njiva pri hiši", (await db.Fields.SingleAsync(f => f.Id == w.FieldB.Id)).Name);
        Assert.True(await db.Farmers.AnyAsync(f => f.Id == w.B.Id), "farmer B was deleted");
        // Farmer A's own record may be deleted by the admin's " 1"-style ids; no other key may be touched.
        var revoked = await db.ApiKeys.Where(k => k.RevokedAt != null && (k.FarmerId == null || k.FarmerId != w.A.Id)).Select(k => k.Name + " of farmer " + k.FarmerId).ToListAsync();
        Assert.True(revoked.Count == 0, "keys were revoked: " + string.Join(", ", revoked) + $" (A is {w.A.Id})");
        _ = Encoding.UTF8;
    }
}
