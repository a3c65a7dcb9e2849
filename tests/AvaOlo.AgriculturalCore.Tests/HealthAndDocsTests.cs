using System.Net;
using AvaOlo.Data;
using AvaOlo.Testing;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Tests;

public sealed class HealthAndDocsTests(TestDatabase database) : ApiTestBase(database)
{
    [Fact]
    public async Task Health_reports_database_and_schema_version()
    {
        var body = await HttpAssert.Json(await Anonymous.GetAsync("/health"));
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal("ava-olo-agricultural-core", body.GetProperty("service").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", body.GetProperty("version").GetString());
        var db = body.GetProperty("database");
        Assert.True(db.GetProperty("reachable").GetBoolean());
        Assert.Equal(Schema.ExpectedVersion, db.GetProperty("schema_version").GetString());
        Assert.Equal("current", db.GetProperty("schema_state").GetString());
    }

    [Fact]
    public async Task Schema_behind_makes_health_503_and_api_refuse_until_migrated()
    {
        await using var conn = new NpgsqlConnection(Database.ConnectionString);
        await conn.OpenAsync();
        await using (var hide = new NpgsqlCommand("UPDATE \"__EFMigrationsHistory\" SET migration_id = 'x' || migration_id WHERE migration_id = $1", conn)
            { Parameters = { new() { Value = Schema.ExpectedVersion } } })
            await hide.ExecuteNonQueryAsync();
        try
        {
            await Task.Delay(1100); // the probe caches for one second
            var health = await Anonymous.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains("behind", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var api = await Admin.GetAsync($"/api/v1/farmer/{W.A.Id}/fields");
            var problem = await HttpAssert.Problem(api, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("schema", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await using var restore = new NpgsqlCommand("UPDATE \"__EFMigrationsHistory\" SET migration_id = substr(migration_id, 2) WHERE migration_id LIKE 'x%'", conn);
            await restore.ExecuteNonQueryAsync();
        }
        await Task.Delay(1100);
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Prometheus_metrics_carry_the_request_and_the_assistants_instruments()
    {
        AvaOloMetrics.RecordConstitutionalViolation("test");
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync("/health")).StatusCode); // a request that has ended
        var metrics = await Anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        var text = await metrics.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);
        Assert.Contains("avaolo_constitutional_violations", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_leads_to_interactive_docs_and_openapi_documents_every_route()
    {
        var root = await Anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        var docs = await Anonymous.GetAsync(root.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("scalar", (await docs.Content.ReadAsStringAsync()).ToLowerInvariant(), StringComparison.Ordinal);

        var openApi = await HttpAssert.Json(await Anonymous.GetAsync("/openapi/v1.json"));
        var paths = openApi.GetProperty("paths");
        foreach (var route in new[] { "/health", "/api/v1/farmer/{id}/fields", "/api/v1/farmer/{id}/crops", "/api/v1/farmer/{id}/tasks",
                     "/api/v1/farmers", "/api/v1/farmers/{id}", "/api/v1/fields/{fieldId}", "/api/v1/fields/{fieldId}/plantings",
                     "/api/v1/plantings/{plantingId}", "/api/v1/tasks/{taskId}", "/api/v1/materials" })
            Assert.True(paths.TryGetProperty(route, out _), $"OpenAPI lacks {route}");
        var fieldsGet = paths.GetProperty("/api/v1/farmer/{id}/fields").GetProperty("get");
        Assert.True(fieldsGet.GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(openApi.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task The_openapi_document_names_and_describes_every_operation_for_client_generators()
    {
        var openApi = await HttpAssert.Json(await Anonymous.GetAsync("/openapi/v1.json"));
        var operations = openApi.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Route: $"{o.Name.ToUpperInvariant()} {p.Name}", Operation: o.Value))).ToList();
        Assert.True(operations.Count >= 26, $"only {operations.Count} operations");
        foreach (var (route, operation) in operations)
        {
            Assert.True(operation.TryGetProperty("operationId", out var id) && id.GetString() is { Length: > 0 }, $"{route} has no operationId");
            Assert.True(operation.TryGetProperty("description", out var d) && d.GetString() is { Length: > 20 }, $"{route} has no description");
        }
        var ids = operations.Select(o => o.Operation.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("GetFarmerFields", ids);
        Assert.Contains("FarmerQuery", ids);

        foreach (var tag in openApi.GetProperty("tags").EnumerateArray())
            Assert.True(tag.TryGetProperty("description", out var d) && d.GetString() is { Length: > 0 }, $"tag {tag.GetProperty("name")} has no description");
        var info = openApi.GetProperty("info");
        Assert.False(string.IsNullOrEmpty(info.GetProperty("contact").GetProperty("name").GetString()));
        Assert.False(string.IsNullOrEmpty(info.GetProperty("license").GetProperty("name").GetString()));
        foreach (var server in openApi.GetProperty("servers").EnumerateArray())
            Assert.False(server.GetProperty("url").GetString()!.EndsWith('/'), $"server URL {server} ends with a slash");
    }
}

/// <summary>The database is unreachable: /health says why within seconds; API calls get 503 problems, never 500.</summary>
[Collection(TestDatabaseCollection.Name)]
public sealed class DatabaseDownTests(TestDatabase database) : IAsyncLifetime
{
    private ServiceHost<Program> _factory = null!;

    public Task InitializeAsync()
    {
        // A closed port on loopback: connection refused at once, like a stopped database.
        _factory = new ServiceHost<Program>(database, new Dictionary<string, string?> { ["DB_PORT"] = "1" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Health_is_503_with_reason_and_api_is_503_with_retry_after()
    {
        var started = DateTime.UtcNow;
        var health = await _factory.Client().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("unreachable", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await _factory.Client("ava_abcdefgh_" + new string('x', 43)).GetAsync("/api/v1/farmer/1/fields");
        await HttpAssert.Problem(api, HttpStatusCode.ServiceUnavailable);
        Assert.True(api.Headers.RetryAfter is not null, "503 must carry Retry-After");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "an outage must be reported quickly, not hang");
    }
}
