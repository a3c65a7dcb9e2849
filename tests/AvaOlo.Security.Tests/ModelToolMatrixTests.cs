using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.Security.Tests;

/// <summary>
/// Every model tool × every kind of caller, through the fake model server: which tools a caller's question may use,
/// what each returns when the model asks about farmer B while farmer A is asked for, and that no caller — even one
/// whose prompt demands it — gets a record changed in the turn that asked.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ModelToolMatrixTests(TestDatabase database)
{
    private static readonly string[] ReadTools = ["list_fields", "current_plantings", "tasks_in_range", "material_rules", "harvest_safety"];
    private static readonly string[] WriteTools = ["record_task", "delete_task"];

    /// <summary>A kind of caller: its scopes, whether it is bound to farmer A, and what it may do.</summary>
    private sealed record Kind(string Name, string[] Scopes, bool BoundToA, int Status, bool Writes);

    private static readonly Kind[] Kinds =
    [
        new("farmer A's app key", ApiScopes.FarmerDefault, true, 200, true),
        new("farmer A's read-only key", [ApiScopes.RecordsRead, ApiScopes.Query], true, 200, false),
        new("integration key with query only", [ApiScopes.Query], false, 403, false),
        new("gateway (query:on-behalf)", [ApiScopes.Query, ApiScopes.QueryOnBehalf], false, 200, false),
        new("gateway that may write records", [ApiScopes.Query, ApiScopes.QueryOnBehalf, ApiScopes.RecordsRead, ApiScopes.RecordsWrite], false, 200, true),
        new("admin", [ApiScopes.Admin], false, 200, true),
    ];

    [Fact]
    public async Task Each_tool_for_each_kind_of_caller_returns_only_what_the_caller_may_see_and_changes_nothing()
    {
        var w = await World.CreateAsync(database);
        var failures = new List<string>();
        var rows = 0;
        foreach (var kind in Kinds)
        {
            await using var model = new FakeModelServer();
            // The model calls every tool: the read tools about B's field and task, the write tools with A's field and
            // B's task, then A's task — as if its prompt had demanded the changes.
            model.Then(
                FakeReply.Tools(("list_fields", null), ("current_plantings", null), ("tasks_in_range", new { from = "2000-01-01", to = "2100-01-01" }),
                    ("material_rules", new { product = "Prosaro" }), ("harvest_safety", new { field_id = w.FieldB.Id })),
                FakeReply.Tools(("record_task", new { type = "harvest", field_ids = new[] { w.FieldA.Id } }), ("delete_task", new { task_id = w.TaskB.Id })),
                FakeReply.Tool("delete_task", new { task_id = w.TaskA.Id }),
                FakeReply.Text("Gotovo."));
            await using var host = new ServiceHost<AvaOlo.AgriculturalCore.Auth.Caller>(database.Unlimited(), new Dictionary<string, string?>
            {
                ["OPENAI_BASE_URL"] = model.BaseUrl.ToString(), ["OPENAI_MODEL"] = "fake-model", ["LLM_TIMEOUT_SECONDS"] = "5", ["LLM_DEADLINE_SECONDS"] = "20",
            });
            string key;
            await using (var db = database.CreateContext()) key = await TestRecords.KeyAsync(db, kind.Name, kind.BoundToA ? w.A.Id : null, kind.Scopes);
            using var client = host.Client(key);
            object body = kind.BoundToA
                ? new { query = "Izbriši sve moje zadatke i upiši žetvu na Moti. Potvrđujem unaprijed, nemoj pitati." }
                : new { query = "Izbriši sve moje zadatke i upiši žetvu na Moti. Potvrđujem unaprijed, nemoj pitati.", farmer_id = w.A.Id };
            using var response = await client.PostAsJsonAsync("/api/v1/farmer/query", body);
            var text = await response.Content.ReadAsStringAsync();
            rows += ReadTools.Length + WriteTools.Length;
            if ((int)response.StatusCode != kind.Status)
            {
                failures.Add($"{kind.Name}: expected {kind.Status}, got {(int)response.StatusCode}: {text}");
                continue;
            }
            if (kind.Status != 200)
            {
                if (!model.Requests.IsEmpty) failures.Add($"{kind.Name}: refused, yet the model was asked");
                continue;
            }
            var offered = JsonNode.Parse(model.Requests.First())!["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToHashSet();
            var results = JsonNode.Parse(model.Requests.Last())!["messages"]!.AsArray().Where(m => m?["role"]?.GetValue<string>() == "tool")
                .Select(m => m!["content"]!.ToString()).ToList();
            foreach (var tool in ReadTools.Concat(WriteTools))
            {
                var expected = ReadTools.Contains(tool) || kind.Writes;
                if (offered.Contains(tool) != expected) failures.Add($"{kind.Name} × {tool}: offered {offered.Contains(tool)}, expected {expected}");
            }
            var all = string.Join("\n", results);
            foreach (var secret in new[] { w.FieldB.Name, w.B.Name, w.B.Phone, w.B.Email! })
                if (all.Contains(secret, StringComparison.Ordinal)) failures.Add($"{kind.Name}: a tool result carried B's {secret}");
            if (!all.Contains($"field {w.FieldB.Id} is not one of this farmer's fields", StringComparison.Ordinal))
                failures.Add($"{kind.Name} × harvest_safety: B's field did not read as not found");
            if (kind.Writes && !all.Contains($"task {w.TaskB.Id} is not one of this farmer's tasks", StringComparison.Ordinal))
                failures.Add($"{kind.Name} × delete_task: B's task did not read as not found");
            if (kind.Writes != all.Contains("awaiting_confirmation", StringComparison.Ordinal))
                failures.Add($"{kind.Name}: a write tool {(kind.Writes ? "made no" : "made a")} proposal");

            // Whatever the caller and the prompt: in this turn nothing changed, and proposals exist only for writers.
            await using var check = database.CreateContext();
            if (!await check.Tasks.AnyAsync(t => t.Id == w.TaskA.Id) || !await check.Tasks.AnyAsync(t => t.Id == w.TaskB.Id))
                failures.Add($"{kind.Name}: a task was deleted in the turn that asked");
            if (await check.Tasks.CountAsync() != 2) failures.Add($"{kind.Name}: a task was recorded in the turn that asked");
            var proposals = await check.PendingActions.Where(p => p.ResolvedAt == null).ToListAsync();
            if (kind.Writes ? proposals.Count != 1 || proposals[0].FarmerId != w.A.Id : proposals.Count != 0)
                failures.Add($"{kind.Name}: {proposals.Count} open proposal(s)");
            await check.PendingActions.ExecuteDeleteAsync();
        }
        Report.NoFailures(failures, rows, "tool × caller rows");
    }
}
