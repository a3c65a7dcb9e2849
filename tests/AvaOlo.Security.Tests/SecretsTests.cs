using System.Net;
using System.Net.Sockets;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;

namespace AvaOlo.Security.Tests;

/// <summary>
/// Both services run with a known database password and model key; a range of requests (errors, a database
/// outage, model failures that echo the key back) must never put either secret in a log line or a response.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class SecretsTests(TestDatabase database)
{
    [Fact]
    public async Task Database_password_and_model_key_never_appear_in_logs_or_responses()
    {
        var w = await World.CreateAsync(database);
        await DashboardSession.UserAsync(database, "admin", UserRoles.Admin);
        var password = database.ServiceOptions.Password ?? ""; // the password the services hold (the owner's never reaches them)
        Assert.True(password.Length >= 8, "the test database role needs a real password for this test to mean anything");
        var modelKey = "sk-proj-" + Guid.NewGuid().ToString("N");
        var secrets = new[] { password, modelKey, modelKey[8..24] };

        await using var model = new FakeModelServer();
        // Real servers echo a bad key back in their error; a garbage reply and a 500 follow.
        model.Default = FakeReply.Status(500);
        model.Then(
            FakeReply.Status(401, $"{{\"error\":{{\"message\":\"Incorrect API key provided: {modelKey}.\",\"type\":\"invalid_request_error\"}}}}"),
            FakeReply.Raw($"not json {modelKey}"),
            FakeReply.Status(429, $"{{\"error\":{{\"message\":\"Rate limit for key {modelKey}\"}}}}"));
        var modelSettings = new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = modelKey, ["OPENAI_BASE_URL"] = model.BaseUrl.ToString(), ["OPENAI_MODEL"] = "fake-model",
            ["LLM_TIMEOUT_SECONDS"] = "2", ["LLM_DEADLINE_SECONDS"] = "4",
        };
        var outage = new Dictionary<string, string?>(modelSettings) { ["DB_PORT"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var seen = new List<string>();
        var logs = new List<CapturedLogs>();

        async Task Drive(HttpClient client, params (string Method, string Path, string? Body)[] requests)
        {
            foreach (var (method, path, body) in requests)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                var answer = await Answer.SendAsync(client, request);
                seen.Add($"{method} {path} → {answer.Status}\n{answer.Response.Headers}{answer.Response.Content.Headers}\n{answer.Body}");
            }
        }

        await using (var core = new ServiceHost<AvaOlo.AgriculturalCore.Auth.Caller>(database.Unlimited(), modelSettings))
        {
            logs.Add(core.Logs);
            using var admin = core.Client(w.Keys[Who.Admin]);
            await Drive(admin, ("GET", "/health", null), ("GET", "/openapi/v1.json", null), ("GET", "/api/v1/farmers", null),
                ("POST", "/api/v1/farmer/query", $"{{\"query\":\"Koliko polja imam?\",\"farmer_id\":{w.A.Id}}}"),
                ("POST", "/api/v1/farmer/query", $"{{\"query\":\"Koliko je karenca za Prosaro u pšenici?\",\"farmer_id\":{w.A.Id}}}"),
                ("POST", "/api/v1/farmer/query", $"{{\"query\":\"Kada sijati?\",\"farmer_id\":{w.A.Id}}}"),
                ("POST", "/api/v1/farmers", "{broken"), ("POST", "/api/v1/farmers", "{\"name\":1}"), ("GET", "/api/v1/farmers/99999", null),
                ("PUT", "/api/v1/fields/1", "{\"farmer_id\":2}"), ("POST", "/api/v1/test/mango-rule", null));
            using var wrongKey = core.Client("ava_nope_" + password);
            await Drive(wrongKey, ("GET", "/api/v1/farmers", null));
        }
        await using (var down = new ServiceHost<AvaOlo.AgriculturalCore.Auth.Caller>(database.Unlimited(), outage))
        {
            logs.Add(down.Logs);
            using var admin = down.Client(w.Keys[Who.Admin]);
            await Drive(admin, ("GET", "/health", null), ("GET", "/api/v1/farmers", null), ("POST", "/api/v1/farmer/query", "{\"query\":\"x\",\"farmer_id\":1}"));
        }
        await using (var dashboards = new ServiceHost<AvaOlo.MonitoringDashboards.Auth.DashboardSignIn>(database.Unlimited(), modelSettings))
        {
            logs.Add(dashboards.Logs);
            using var session = await DashboardSession.Open(dashboards.BaseAddress).SignedInAsync("admin");
            await Drive(session.Http, ("GET", "/admin", null), ("GET", "/business", null), ("GET", "/agronomic", null), ("GET", "/api/health", null),
                ("GET", "/api/metrics?window=1h", null), ("GET", "/health", null), ("GET", "/nope", null));
            var admin = seen[^7];
            Assert.Contains("DB_PASSWORD", admin, StringComparison.Ordinal);
            Assert.Contains("OPENAI_API_KEY", admin, StringComparison.Ordinal);
            Assert.Contains("set (hidden)", admin, StringComparison.Ordinal);
            using var failed = await DashboardSession.Open(dashboards.BaseAddress).LoginAsync("admin", password);
            seen.Add(await failed.Content.ReadAsStringAsync());
        }
        await using (var dashboardsDown = new ServiceHost<AvaOlo.MonitoringDashboards.Auth.DashboardSignIn>(database.Unlimited(), outage))
        {
            logs.Add(dashboardsDown.Logs);
            using var anonymous = dashboardsDown.Client();
            await Drive(anonymous, ("GET", "/health", null), ("GET", "/login", null));
        }

        Assert.True(model.Requests.Count >= 2, "the model path was not exercised");
        var lines = logs.SelectMany(l => l.Lines).ToList();
        Assert.True(lines.Count > 50, $"only {lines.Count} log lines were captured");
        Assert.Contains(lines, l => l.Contains("Database", StringComparison.OrdinalIgnoreCase) && l.Contains("unavailable", StringComparison.OrdinalIgnoreCase));
        var leaks = new List<string>();
        foreach (var secret in secrets)
        {
            leaks.AddRange(lines.Where(l => l.Contains(secret, StringComparison.Ordinal)).Select(l => "log: " + l[..Math.Min(300, l.Length)]));
            leaks.AddRange(seen.Where(s => s.Contains(secret, StringComparison.Ordinal)).Select(s => "response: " + s[..Math.Min(300, s.Length)]));
        }
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks:\n" + string.Join("\n", leaks.Take(20)));
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
