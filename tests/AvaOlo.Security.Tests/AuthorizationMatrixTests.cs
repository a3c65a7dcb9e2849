using System.Net.Http.Json;
using System.Text.Json;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.Security.Tests;

/// <summary>
/// Every core route × every kind of caller gets exactly the expected status; B's records are never visible or
/// changeable through A's key; bodies carrying ids or timestamps are refused, naming the field.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class AuthorizationMatrixTests(TestDatabase database)
{
    // Expected status per caller, in the order of Who: Anonymous, FarmerA, FarmerB, Reader, QueryOnly, Writer, Admin.
    private static readonly int[] Read = [401, 200, 404, 200, 403, 200, 200];
    private static readonly int[] Create = [401, 201, 404, 403, 403, 201, 201];
    private static readonly int[] Update = [401, 200, 404, 403, 403, 200, 200];
    private static readonly int[] Remove = [401, 204, 404, 403, 403, 204, 204];
    private static readonly int[] Catalogue = [401, 200, 200, 200, 403, 200, 200];
    private static readonly int[] Public = [200, 200, 200, 200, 200, 200, 200];
    private static readonly int[] AdminOnly = [401, 403, 403, 403, 403, 403, 200];

    /// <summary>One row: a route, a request built against fresh records of farmer A, and the status per caller.</summary>
    private sealed record Row(string Route, int[] Expected, Func<Targets, int, (HttpMethod, string, object?)> Request);

    /// <summary>Records of A made fresh for each request, so deletes and updates never depend on one another.</summary>
    private sealed record Targets(int FarmerA, int FieldA, int PlantingA, int TaskA, int FreshFarmer, int Material);

    private static IEnumerable<Row> Rows() =>
    [
        new("GET /health", Public, (t, _) => (HttpMethod.Get, "/health", null)),
        new("GET /openapi/v1.json", Public, (t, _) => (HttpMethod.Get, "/openapi/v1.json", null)),
        new("GET /", [302, 302, 302, 302, 302, 302, 302], (t, _) => (HttpMethod.Get, "/", null)),
        new("GET /docs/v1", Public, (t, _) => (HttpMethod.Get, "/docs/v1", null)),
        new("GET /api/v1/farmers", [401, 200, 200, 200, 403, 200, 200], (t, _) => (HttpMethod.Get, "/api/v1/farmers", null)),
        new("POST /api/v1/farmers", [401, 403, 403, 403, 403, 201, 201], (t, i) => (HttpMethod.Post, "/api/v1/farmers", new { name = "Nova", phone = $"+38641{100000 + i}" })),
        new("GET /api/v1/farmers/{id}", Read, (t, _) => (HttpMethod.Get, $"/api/v1/farmers/{t.FarmerA}", null)),
        new("PUT /api/v1/farmers/{id}", Update, (t, _) => (HttpMethod.Put, $"/api/v1/farmers/{t.FarmerA}", new { name = "Marko Horvat", phone = "+385911234567", preferred_language = "hr" })),
        new("DELETE /api/v1/farmers/{id}", [401, 403, 403, 403, 403, 204, 204], (t, _) => (HttpMethod.Delete, $"/api/v1/farmers/{t.FreshFarmer}", null)),
        new("GET /api/v1/farmer/{id}/fields", Read, (t, _) => (HttpMethod.Get, $"/api/v1/farmer/{t.FarmerA}/fields", null)),
        new("POST /api/v1/farmer/{id}/fields", Create, (t, i) => (HttpMethod.Post, $"/api/v1/farmer/{t.FarmerA}/fields", new { name = $"Nova {i}", area_ha = 1.5 })),
        new("GET /api/v1/fields/{fieldId}", Read, (t, _) => (HttpMethod.Get, $"/api/v1/fields/{t.FieldA}", null)),
        new("PUT /api/v1/fields/{fieldId}", Update, (t, i) => (HttpMethod.Put, $"/api/v1/fields/{t.FieldA}", new { name = $"Renamed {i}", area_ha = 2 })),
        new("DELETE /api/v1/fields/{fieldId}", Remove, (t, _) => (HttpMethod.Delete, $"/api/v1/fields/{t.FieldA}", null)),
        new("GET /api/v1/farmer/{id}/crops", Read, (t, _) => (HttpMethod.Get, $"/api/v1/farmer/{t.FarmerA}/crops", null)),
        new("POST /api/v1/fields/{fieldId}/plantings", Create, (t, _) => (HttpMethod.Post, $"/api/v1/fields/{t.FieldA}/plantings", new { crop_name = "ječam", season_year = 2026 })),
        new("GET /api/v1/plantings/{plantingId}", Read, (t, _) => (HttpMethod.Get, $"/api/v1/plantings/{t.PlantingA}", null)),
        new("PUT /api/v1/plantings/{plantingId}", Update, (t, _) => (HttpMethod.Put, $"/api/v1/plantings/{t.PlantingA}", new { crop_name = "ječam", season_year = 2026 })),
        new("DELETE /api/v1/plantings/{plantingId}", Remove, (t, _) => (HttpMethod.Delete, $"/api/v1/plantings/{t.PlantingA}", null)),
        new("GET /api/v1/farmer/{id}/tasks", Read, (t, _) => (HttpMethod.Get, $"/api/v1/farmer/{t.FarmerA}/tasks", null)),
        new("POST /api/v1/farmer/{id}/tasks", Create, (t, _) => (HttpMethod.Post, $"/api/v1/farmer/{t.FarmerA}/tasks", new { type = "tillage", status = "planned", due_on = "2026-09-01", field_ids = new[] { t.FieldA } })),
        new("GET /api/v1/tasks/{taskId}", Read, (t, _) => (HttpMethod.Get, $"/api/v1/tasks/{t.TaskA}", null)),
        new("PUT /api/v1/tasks/{taskId}", Update, (t, _) => (HttpMethod.Put, $"/api/v1/tasks/{t.TaskA}", new { type = "tillage", status = "planned", due_on = "2026-09-01", field_ids = new[] { t.FieldA } })),
        new("DELETE /api/v1/tasks/{taskId}", Remove, (t, _) => (HttpMethod.Delete, $"/api/v1/tasks/{t.TaskA}", null)),
        new("GET /api/v1/materials", Catalogue, (t, _) => (HttpMethod.Get, "/api/v1/materials", null)),
        new("GET /api/v1/materials/{materialId}", Catalogue, (t, _) => (HttpMethod.Get, $"/api/v1/materials/{t.Material}", null)),
        // A farmer key may ask only as itself (B asking as A: 403); naming a farmer needs query:on-behalf, which a key
        // with plain "query" lacks (ModelToolMatrixTests covers the gateway that has it).
        new("POST /api/v1/farmer/query", [401, 200, 403, 403, 403, 403, 200], (t, _) => (HttpMethod.Post, "/api/v1/farmer/query", new { query = "Koliko imam polja?", farmer_id = t.FarmerA })),
        new("POST /api/v1/test/mango-rule", AdminOnly, (t, _) => (HttpMethod.Post, "/api/v1/test/mango-rule", null)),
        new("POST /api/v1/test/slovenian-farmer", AdminOnly, (t, _) => (HttpMethod.Post, "/api/v1/test/slovenian-farmer", null)),
    ];

    [Fact]
    public async Task Every_route_gives_each_kind_of_caller_exactly_the_expected_status()
    {
        var w = await World.CreateAsync(database);
        var before = await SnapshotOfBAsync(w);
        await using var host = new ServiceHost<AvaOlo.AgriculturalCore.Auth.Caller>(database.Unlimited());
        var callers = Enum.GetValues<Who>();
        var failures = new List<string>();
        var rows = 0;
        var i = 0;
        foreach (var row in Rows())
        {
            foreach (var who in callers)
            {
                rows++;
                var targets = await FreshTargetsAsync(w, ++i);
                var (method, path, body) = row.Request(targets, i);
                using var client = host.Client(w.Keys[who]);
                using var request = new HttpRequestMessage(method, path);
                if (body is not null) request.Content = JsonContent.Create(body);
                var answer = await Answer.SendAsync(client, request);
                var expected = row.Expected[(int)who];
                if (answer.Status != expected) failures.Add($"{row.Route} as {who}: expected {expected}, got {answer.Status}: {answer.Short}");
                else if (answer.Problem(problemDetailsRequired: true) is { } why) failures.Add($"{row.Route} as {who}: {why}");
            }
        }
        Assert.Equal(Rows().Count() * callers.Length, rows);
        Report.NoFailures(failures, rows, "route × caller rows");
        Assert.Equal(before, await SnapshotOfBAsync(w));
    }

    [Fact]
    public async Task A_cannot_see_or_change_any_of_Bs_records_by_id()
    {
        var w = await World.CreateAsync(database);
        var before = await SnapshotOfBAsync(w);
        await using var host = new ServiceHost<AvaOlo.AgriculturalCore.Auth.Caller>(database.Unlimited());
        using var a = host.Client(w.Keys[Who.FarmerA]);
        var failures = new List<string>();
        (HttpMethod, string, object?)[] attempts =
        [
            (HttpMethod.Get, $"/api/v1/farmers/{w.B.Id}", null), (HttpMethod.Put, $"/api/v1/farmers/{w.B.Id}", new { name = "x", phone = w.B.Phone }),
            (HttpMethod.Get, $"/api/v1/farmer/{w.B.Id}/fields", null), (HttpMethod.Post, $"/api/v1/farmer/{w.B.Id}/fields", new { name = "x", area_ha = 1 }),
            (HttpMethod.Get, $"/api/v1/farmer/{w.B.Id}/crops", null), (HttpMethod.Get, $"/api/v1/farmer/{w.B.Id}/tasks", null),
            (HttpMethod.Post, $"/api/v1/farmer/{w.B.Id}/tasks", new { type = "harvest", field_ids = new[] { w.FieldB.Id } }),
            (HttpMethod.Get, $"/api/v1/fields/{w.FieldB.Id}", null), (HttpMethod.Put, $"/api/v1/fields/{w.FieldB.Id}", new { name = "x", area_ha = 1 }),
            (HttpMethod.Delete, $"/api/v1/fields/{w.FieldB.Id}", null), (HttpMethod.Post, $"/api/v1/fields/{w.FieldB.Id}/plantings", new { crop_name = "x" }),
            (HttpMethod.Get, $"/api/v1/plantings/{w.PlantingB.Id}", null), (HttpMethod.Put, $"/api/v1/plantings/{w.PlantingB.Id}", new { crop_name = "x" }),
            (HttpMethod.Delete, $"/api/v1/plantings/{w.PlantingB.Id}", null), (HttpMethod.Get, $"/api/v1/tasks/{w.TaskB.Id}", null),
            (HttpMethod.Put, $"/api/v1/tasks/{w.TaskB.Id}", new { type = "x", field_ids = new[] { w.FieldA.Id } }), (HttpMethod.Delete, $"/api/v1/tasks/{w.TaskB.Id}", null),
        ];
        foreach (var (method, path, body) in attempts)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null) request.Content = JsonContent.Create(body);
            var answer = await Answer.SendAsync(a, request);
            if (answer.Status != 404) failures.Add($"{method} {path}: expected 404, got {answer.Status}: {answer.Short}");
            foreach (var secret in new[] { w.B.Name, w.B.Phone, w.FieldB.Name, w.B.Email! })
                if (answer.Body.Contains(secret, StringComparison.Ordinal)) failures.Add($"{method} {path}: the answer shows B's {secret}");
        }
        // A's own task cannot be pointed at B's field either.
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/farmer/{w.A.Id}/tasks") { Content = JsonContent.Create(new { type = "harvest", field_ids = new[] { w.FieldB.Id } }) })
        {
            var answer = await Answer.SendAsync(a, request);
            if (answer.Status is < 400 or >= 500) failures.Add($"A's task on B's field: expected a 4xx, got {answer.Status}: {answer.Short}");
        }
        using (var list = await a.GetAsync("/api/v1/farmers"))
            Assert.DoesNotContain(w.B.Name, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Report.NoFailures(failures, attempts.Length, "attempts on B's records");
        Assert.Equal(before, await SnapshotOfBAsync(w));
    }

    [Theory]
    [InlineData("POST", "/api/v1/farmer/{A}/fields", "{\"name\":\"x\",\"area_ha\":1,\"farmer_id\":{B}}", "farmer_id")]
    [InlineData("PUT", "/api/v1/fields/{fieldA}", "{\"name\":\"x\",\"area_ha\":1,\"farmer_id\":{B}}", "farmer_id")]
    [InlineData("PUT", "/api/v1/fields/{fieldA}", "{\"name\":\"x\",\"area_ha\":1,\"id\":{fieldB}}", "id")]
    [InlineData("PUT", "/api/v1/fields/{fieldA}", "{\"name\":\"x\",\"area_ha\":1,\"created_at\":\"2000-01-01T00:00:00Z\"}", "created_at")]
    [InlineData("PUT", "/api/v1/farmers/{A}", "{\"name\":\"x\",\"phone\":\"+385911234567\",\"id\":{B}}", "id")]
    [InlineData("PUT", "/api/v1/farmers/{A}", "{\"name\":\"x\",\"phone\":\"+385911234567\",\"deleted_at\":null}", "deleted_at")]
    [InlineData("POST", "/api/v1/fields/{fieldA}/plantings", "{\"crop_name\":\"x\",\"farmer_id\":{B}}", "farmer_id")]
    [InlineData("PUT", "/api/v1/plantings/{plantingA}", "{\"crop_name\":\"x\",\"field_id\":{fieldB}}", "field_id")]
    [InlineData("POST", "/api/v1/farmer/{A}/tasks", "{\"type\":\"x\",\"farmer_id\":{B}}", "farmer_id")]
    [InlineData("PUT", "/api/v1/tasks/{taskA}", "{\"type\":\"x\",\"farmer_id\":{B},\"updated_at\":\"2000-01-01T00:00:00Z\"}", "farmer_id")]
    [InlineData("POST", "/api/v1/farmer/query", "{\"query\":\"x\",\"scopes\":[\"admin\"]}", "scopes")]
    public async Task Bodies_carrying_ids_owners_or_timestamps_are_refused_naming_the_field(string method, string path, string body, string field)
    {
        var w = await World.CreateAsync(database);
        var before = await SnapshotOfBAsync(w);
        await using var host = new ServiceHost<AvaOlo.AgriculturalCore.Auth.Caller>(database.Unlimited());
        string Fill(string s) => s.Replace("{A}", $"{w.A.Id}").Replace("{B}", $"{w.B.Id}").Replace("{fieldA}", $"{w.FieldA.Id}").Replace("{fieldB}", $"{w.FieldB.Id}")
            .Replace("{plantingA}", $"{w.PlantingA.Id}").Replace("{taskA}", $"{w.TaskA.Id}");
        using var client = host.Client(w.Keys[Who.FarmerA]);
        using var request = new HttpRequestMessage(new HttpMethod(method), Fill(path)) { Content = new StringContent(Fill(body), System.Text.Encoding.UTF8, "application/json") };
        var answer = await Answer.SendAsync(client, request);
        Assert.True(answer.Status == 400, $"expected 400, got {answer.Status}: {answer.Body}");
        Assert.Null(answer.Problem(problemDetailsRequired: true));
        using var doc = JsonDocument.Parse(answer.Body);
        Assert.True(doc.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"the errors do not name {field}: {answer.Body}");
        Assert.Equal(before, await SnapshotOfBAsync(w));
        await using var db = database.CreateContext();
        Assert.Equal("Mota", (await db.Fields.SingleAsync(f => f.Id == w.FieldA.Id)).Name);
    }

    private async Task<Targets> FreshTargetsAsync(World w, int i)
    {
        await using var db = database.CreateContext();
        var field = new Field { FarmerId = w.A.Id, Name = $"Matrix {i}", AreaHa = 1 };
        var farmer = new Farmer { Name = $"Throwaway {i}", Phone = $"+38640{200000 + i}", CountryCode = "SI" };
        db.Fields.Add(field);
        db.Farmers.Add(farmer);
        await db.SaveChangesAsync();
        var (planting, task) = await World.RecordsAsync(db, field);
        return new Targets(w.A.Id, field.Id, planting.Id, task.Id, farmer.Id, await db.Materials.MinAsync(m => m.Id));
    }

    /// <summary>B's farmer, field, planting and task rows as text: any change shows up as a difference.</summary>
    private async Task<string> SnapshotOfBAsync(World w)
    {
        await using var db = database.CreateContext();
        var farmer = await db.Farmers.IgnoreQueryFilters().AsNoTracking().SingleAsync(f => f.Id == w.B.Id);
        var fields = await db.Fields.AsNoTracking().Where(f => f.FarmerId == w.B.Id).OrderBy(f => f.Id).Select(f => new { f.Id, f.Name, f.AreaHa, f.UpdatedAt }).ToListAsync();
        var plantings = await db.Plantings.AsNoTracking().Where(p => p.FarmerId == w.B.Id).OrderBy(p => p.Id).Select(p => new { p.Id, p.CropName, p.Status }).ToListAsync();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.FarmerId == w.B.Id).OrderBy(t => t.Id).Select(t => new { t.Id, t.Type, t.Status, t.DoneOn }).ToListAsync();
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.FarmerId == w.B.Id).Select(k => new { k.Id, k.RevokedAt }).ToListAsync();
        return JsonSerializer.Serialize(new { farmer.Name, farmer.Phone, farmer.DeletedAt, fields, plantings, tasks, keys });
    }
}
