using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.Confirmations;

/// <summary>
/// The model only proposes changes; the server carries one out when the farmer's NEXT message in the thread says
/// yes — never in the turn that proposed it, whatever the model does — on any instance.
/// </summary>
public sealed class ProposalFlowTests(TestDatabase database) : AssistantTestBase(database)
{
    protected override bool WithModel => true;

    private static string Thread(JsonElement r) => r.GetProperty("metadata").GetProperty("conversation_id").GetString()!;

    private static JsonElement Pending(JsonElement r) => r.GetProperty("metadata").GetProperty("pending_confirmation");

    private async Task<(int Mota, int Task)> WheatRecordsAsync()
    {
        await using var db = Database.CreateContext();
        var mota = (await db.Fields.SingleAsync(f => f.FarmerId == D.CroatianWheat && f.Name == "Mota")).Id;
        var task = (await db.Tasks.OrderBy(t => t.Id).FirstAsync(t => t.FarmerId == D.CroatianWheat)).Id;
        return (mota, task);
    }

    [Fact]
    public async Task A_model_cannot_confirm_its_own_deletion_the_farmers_next_message_does()
    {
        var (_, taskId) = await WheatRecordsAsync();
        // The model proposes, then "confirms" with a made-up code in the same turn, then claims success.
        Model!.Then(FakeReply.Tool("delete_task", new { task_id = taskId }), FakeReply.Tool("delete_task", new { task_id = taskId, confirmation_code = "123456" }),
            FakeReply.Text("Zadatak je obrisan."));
        var first = await AskAsync(D.WheatKey, new { query = $"Obriši zadatak {taskId}, potvrđujem unaprijed, nemoj pitati." });

        await using (var db = Database.CreateContext())
        {
            Assert.True(await db.Tasks.AnyAsync(t => t.Id == taskId), "nothing is deleted in the turn that proposed it");
            var proposals = await db.PendingActions.OrderBy(p => p.Id).ToListAsync();
            Assert.Equal([PendingActionResolutions.Superseded, null], proposals.Select(p => p.Resolution));
            Assert.All(proposals, p => Assert.Equal(PendingActionKinds.DeleteTask, p.Kind));
        }
        Assert.Equal("delete_task", Pending(first).GetProperty("kind").GetString());
        Assert.DoesNotContain("confirmation_code\":\"", string.Join("\n", Model.Requests.Select(ToolResults)), StringComparison.Ordinal);

        var calls = Model.Requests.Count;
        var second = await AskAsync(D.WheatKey, new { query = "Da", conversation_id = Thread(first) });
        Assert.Equal("offline", Method(second)); // the server answered, no model call
        Assert.Equal(calls, Model.Requests.Count);
        Assert.Contains("Obrisano", Text(second), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, Pending(second).ValueKind);
        await using var check = Database.CreateContext();
        Assert.False(await check.Tasks.AnyAsync(t => t.Id == taskId));
        Assert.True(await check.AuditLog.AnyAsync(a => a.EntityType == "tasks" && a.EntityId == taskId.ToString() && a.Action == "delete" && a.ActorName == "wheat"));
        Assert.Equal(PendingActionResolutions.Confirmed, (await check.PendingActions.OrderBy(p => p.Id).LastAsync()).Resolution);
    }

    [Fact]
    public async Task Reported_work_is_recorded_only_after_the_farmers_yes_and_the_reply_gives_the_harvest_safe_date()
    {
        var (mota, _) = await WheatRecordsAsync();
        Model!.Then(FakeReply.Tool("record_task", new { type = "spraying", field_ids = new[] { mota }, product = "Prosaro", dose = 1.0, unit = "l/ha" }),
            FakeReply.Text("Zabilježit ću prskanje Prosarom na Moti, 1 l/ha. Potvrđujete?"));
        int before;
        await using (var db = Database.CreateContext()) before = await db.Tasks.CountAsync(t => t.FarmerId == D.CroatianWheat);
        var first = await AskAsync(D.WheatKey, new { query = "Danas sam poprskao Motu Prosarom, 1 l/ha." });
        var summary = Pending(first).GetProperty("summary").GetString()!;
        Assert.Contains("Mota", summary, StringComparison.Ordinal);
        Assert.Contains("Prosaro 250 EC", summary, StringComparison.Ordinal);
        await using (var db = Database.CreateContext()) Assert.Equal(before, await db.Tasks.CountAsync(t => t.FarmerId == D.CroatianWheat));

        var second = await AskAsync(D.WheatKey, new { query = "Da, točno.", conversation_id = Thread(first) });
        Assert.Contains("Zabilježeno", Text(second), StringComparison.Ordinal);
        Assert.Contains("karenca za Prosaro 250 EC: 42 dana", Text(second), StringComparison.Ordinal); // Mota grows wheat: 42 days in HR
        await using var check = Database.CreateContext();
        var task = await check.Tasks.Include(t => t.Materials).Include(t => t.Fields).OrderByDescending(t => t.Id).FirstAsync(t => t.FarmerId == D.CroatianWheat);
        Assert.Equal(before + 1, await check.Tasks.CountAsync(t => t.FarmerId == D.CroatianWheat));
        Assert.Equal(("spraying", FarmTaskStatus.Done), (task.Type, task.Status));
        Assert.Equal(mota, task.Fields.Single().FieldId);
        Assert.Equal(("Prosaro 250 EC", 1.0m, "l/ha"), (task.Materials.Single().MaterialName, task.Materials.Single().Dose, task.Materials.Single().Unit));
        Assert.True(await check.AuditLog.AnyAsync(a => a.EntityType == "tasks" && a.EntityId == task.Id.ToString() && a.Action == "create" && a.ActorName == "wheat"));
    }

    [Fact]
    public async Task A_no_drops_the_proposal_and_a_question_leaves_it_waiting()
    {
        var (_, taskId) = await WheatRecordsAsync();
        Model!.Then(FakeReply.Tool("delete_task", new { task_id = taskId }), FakeReply.Text("Želite li obrisati zadatak?"),
            FakeReply.Text("Karenca za Prosaro u pšenici iznosi 42 dana."));
        var first = await AskAsync(D.WheatKey, new { query = $"Obriši zadatak {taskId}" });
        // A new question is not an answer: the model answers it and the proposal keeps waiting.
        var question = await AskAsync(D.WheatKey, new { query = "Da li je karenca za Prosaro 42 dana?", conversation_id = Thread(first) });
        Assert.Equal("llm", Method(question));
        var no = await AskAsync(D.WheatKey, new { query = "Ne, ipak ne.", conversation_id = Thread(first) });
        Assert.Contains("ništa nije promijenjeno", Text(no), StringComparison.Ordinal);
        await using var check = Database.CreateContext();
        Assert.True(await check.Tasks.AnyAsync(t => t.Id == taskId));
        Assert.Equal(PendingActionResolutions.Declined, (await check.PendingActions.SingleAsync()).Resolution);
    }

    [Fact]
    public async Task Another_key_cannot_continue_the_thread_nor_confirm_its_proposal()
    {
        var (_, taskId) = await WheatRecordsAsync();
        Model!.Then(FakeReply.Tool("delete_task", new { task_id = taskId }), FakeReply.Text("Potvrdite brisanje."));
        var first = await AskAsync(D.WheatKey, new { query = $"Obriši zadatak {taskId}" });
        foreach (var key in new[] { D.AdminKey, D.QueryKey })
        {
            var response = await Factory.Client(key).Post("/api/v1/farmer/query", new { query = "Da", farmer_id = D.CroatianWheat, conversation_id = Thread(first) });
            await HttpAssert.FieldError(response, "conversation_id", HttpStatusCode.NotFound);
        }
        await using var check = Database.CreateContext();
        Assert.True(await check.Tasks.AnyAsync(t => t.Id == taskId));
        Assert.Null((await check.PendingActions.SingleAsync()).ResolvedAt);
    }

    [Fact]
    public async Task A_proposal_made_on_one_instance_is_confirmed_on_another()
    {
        var (_, taskId) = await WheatRecordsAsync();
        Model!.Then(FakeReply.Tool("delete_task", new { task_id = taskId }), FakeReply.Text("Potvrdite brisanje."));
        var first = await AskAsync(D.WheatKey, new { query = $"Obriši zadatak {taskId}" });
        await using var other = new ServiceHost<Program>(Database, Settings());
        var response = await other.Client(D.WheatKey).Post("/api/v1/farmer/query", new { query = "da", conversation_id = Thread(first) });
        Assert.Contains("Obrisano", (await HttpAssert.Json(response)).GetProperty("response").GetString(), StringComparison.Ordinal);
        await using var check = Database.CreateContext();
        Assert.False(await check.Tasks.AnyAsync(t => t.Id == taskId));
    }

    [Fact]
    public async Task A_key_that_may_only_read_is_not_given_the_write_tools_and_proposes_nothing()
    {
        var (mota, taskId) = await WheatRecordsAsync();
        string readOnly;
        await using (var db = Database.CreateContext())
            readOnly = await TestRecords.KeyAsync(db, "wheat-app-read-only", D.CroatianWheat, ApiScopes.RecordsRead, ApiScopes.Query);
        Model!.Then(FakeReply.Tool("record_task", new { type = "harvest", field_ids = new[] { mota } }), FakeReply.Tool("delete_task", new { task_id = taskId }),
            FakeReply.Text("U redu."));
        var r = await AskAsync(readOnly, new { query = "Obriši sve moje zadatke i upiši žetvu na Moti. Potvrđujem." });
        Assert.Equal("llm", Method(r));
        var offered = JsonNode.Parse(Model.Requests.First())!["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain("record_task", offered);
        Assert.DoesNotContain("delete_task", offered);
        Assert.Contains("list_fields", offered);
        Assert.DoesNotContain("awaiting_confirmation", string.Join("\n", Model.Requests.Select(ToolResults)), StringComparison.Ordinal);
        await using var check = Database.CreateContext();
        Assert.Empty(await check.PendingActions.ToListAsync());
        Assert.True(await check.Tasks.AnyAsync(t => t.Id == taskId));
    }

    private static string ToolResults(string request) => string.Join("\n", JsonNode.Parse(request)!["messages"]!.AsArray()
        .Where(m => m!["role"]!.GetValue<string>() == "tool").Select(m => m!["content"]!.ToString()));
}
