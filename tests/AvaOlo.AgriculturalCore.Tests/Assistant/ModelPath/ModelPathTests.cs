using System.Text.Json.Nodes;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.ModelPath;

/// <summary>The model path against a real HTTP server speaking the OpenAI protocol, answering from a script.</summary>
public sealed class ModelPathTests(TestDatabase database) : AssistantTestBase(database)
{
    protected override bool WithModel => true;

    // A deadline well inside the 12 s the fault test allows for the whole question.
    protected override Dictionary<string, string?> Settings() => new() { ["LLM_TIMEOUT_SECONDS"] = "3", ["LLM_DEADLINE_SECONDS"] = "6" };

    /// <summary>The content of the last tool result the model was sent.</summary>
    private static string LastToolResult(JsonNode request) =>
        request["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "tool")!["content"]!.ToString();

    [Fact]
    public async Task Model_answers_with_the_farmers_records_through_tools_and_never_sees_identity_data()
    {
        Model!.Then(
            FakeReply.Tool("current_plantings"),
            FakeReply.From(req => FakeReply.Text(JsonNode.Parse(LastToolResult(req))!.AsArray().Any(p => p!["plant_count"]?.GetValue<int>() == 500)
                ? "Имате 500 мангови дървета на поле „Манго градина“ (2 ха)." : "Нямам данни.")));
        var r = await AskAsync(D.MangoKey, new { query = "Колко манго дървета имам?" });
        Assert.Equal("llm", Method(r));
        Assert.Contains("500", Text(r), StringComparison.Ordinal);
        Assert.Equal(1, r.GetProperty("metadata").GetProperty("tool_calls").GetInt32());
        Assert.Equal("fake-model", r.GetProperty("metadata").GetProperty("model").GetString());
        Assert.Contains(r.GetProperty("sources").EnumerateArray(), s => s.GetProperty("type").GetString() == "planting");

        // Identity and contact data never reach the model: not in the prompt, not in any tool result.
        await using var db = Database.CreateContext();
        var farmer = await db.Farmers.SingleAsync(f => f.Id == D.Mango);
        var received = Model.AllReceived;
        Assert.Contains("Колко манго дървета имам?", received, StringComparison.Ordinal);
        foreach (var secret in new[] { farmer.Name, farmer.Phone, farmer.Phone[1..], farmer.FarmName!, farmer.Address! })
            Assert.DoesNotContain(secret, received, StringComparison.Ordinal);
        var system = JsonNode.Parse(Model.Requests.First())!["messages"]![0]!["content"]!.ToString();
        Assert.Contains("\"bg\"", system, StringComparison.Ordinal); // the reply language and country are in the system prompt
        Assert.Contains("BG", system, StringComparison.Ordinal);

        var call = await db.LlmCalls.SingleAsync();
        Assert.True(call.Success);
        Assert.Equal("fake-model", call.Model);
        Assert.Equal(1, call.ToolCalls);
        Assert.True(call.ChecksPassed);
        Assert.True(call.PromptTokens > 0);
    }

    [Fact]
    public async Task A_tool_asked_about_another_farmers_field_refuses_without_revealing_it()
    {
        int otherField;
        await using (var db = Database.CreateContext())
            otherField = (await db.Fields.FirstAsync(f => f.FarmerId == D.CroatianWheat && f.Name == "Mota")).Id;
        Model!.Then(FakeReply.Tool("harvest_safety", new { field_id = otherField }), FakeReply.From(req => FakeReply.Text("Тази нива не е ваша.")));
        var r = await AskAsync(D.MangoKey, new { query = "Мога ли да жъна нива " + otherField + "?" });
        var toolResult = JsonNode.Parse(Model.Requests.Last())!["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "tool")!["content"]!.ToString();
        Assert.Contains("is not one of this farmer's fields", toolResult, StringComparison.Ordinal);
        Assert.DoesNotContain("Mota", Model.AllReceived, StringComparison.Ordinal);
        Assert.Equal("llm", Method(r));
    }

    [Fact]
    public async Task Answer_in_the_wrong_language_gets_one_corrective_retry()
    {
        Model!.Then(FakeReply.Text("The pre-harvest interval is 42 days."), FakeReply.Text("Karenca za Prosaro u pšenici iznosi 42 dana."));
        var r = await AskAsync(D.WheatKey, new { query = "Koliko je karenca za Prosaro u pšenici?" });
        Assert.Equal("llm", Method(r));
        Assert.Contains("42 dana", Text(r), StringComparison.Ordinal);
        Assert.Contains("broke these rules", Model.Requests.Last(), StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        var calls = await db.LlmCalls.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(["answer", "corrective_retry"], calls.Select(c => c.Purpose));
        Assert.Equal([false, true], calls.Select(c => c.ChecksPassed ?? false));
    }

    [Fact]
    public async Task An_answer_naming_another_farmer_fails_the_privacy_check_and_is_retried()
    {
        string other;
        await using (var db = Database.CreateContext()) other = (await db.Farmers.SingleAsync(f => f.Id == D.Mango)).Name;
        Model!.Then(FakeReply.Text($"Karenca je 42 dana, kao kod {other}."), FakeReply.Text("Karenca za Prosaro u pšenici iznosi 42 dana."));
        var r = await AskAsync(D.WheatKey, new { query = "Koliko je karenca za Prosaro u pšenici?" });
        Assert.Equal("llm", Method(r));
        Assert.DoesNotContain(other, Text(r), StringComparison.Ordinal);
        Assert.Contains("privacy", Model.Requests.Last(), StringComparison.Ordinal);
        await using var check = Database.CreateContext();
        var calls = await check.LlmCalls.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([false, true], calls.Select(c => c.ChecksPassed ?? false));
        Assert.All(calls, c => Assert.Equal(calls[0].ConversationId, c.ConversationId)); // one exchange, both calls
        Assert.NotNull(calls[0].ConversationId);
    }

    [Fact]
    public async Task Two_answers_that_break_the_rules_fall_back_to_the_offline_answer()
    {
        Model!.Then(FakeReply.Text("Mangoes cannot grow in Bulgaria."), FakeReply.Text("Sorry, mangoes cannot grow in Bulgaria."));
        var r = await AskAsync(D.MangoKey, new { query = "Колко манго дървета имам?" });
        Assert.Equal("offline", Method(r));
        Assert.Contains("500", Text(r), StringComparison.Ordinal);
    }

    public static TheoryData<string> Faults => ["500", "503-then-500", "timeout", "garbage", "empty"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Every_model_fault_falls_back_to_the_offline_answer_within_the_deadline(string fault)
    {
        Model!.Default = fault switch
        {
            "500" => FakeReply.Status(500),
            "503-then-500" => FakeReply.Status(503),
            "timeout" => FakeReply.Delayed(TimeSpan.FromSeconds(30), FakeReply.Text("too late")),
            "garbage" => FakeReply.Raw("{\"choices\": 42, <html>"),
            _ => FakeReply.Text(""),
        };
        var started = DateTime.UtcNow;
        var r = await AskAsync(D.WheatKey, new { query = "Koliko je karenca za Prosaro u pšenici?" });
        Assert.Equal("offline", Method(r));
        Assert.Contains("42 dana", Text(r), StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(12), $"took {DateTime.UtcNow - started}");
        await using var db = Database.CreateContext();
        var call = await db.LlmCalls.SingleAsync();
        Assert.False(call.Success);
        Assert.False(string.IsNullOrEmpty(call.Error));
    }

    [Fact]
    public async Task Model_answers_are_cached_and_a_record_change_invalidates_them()
    {
        Model!.Then(FakeReply.Text("Imate polje Mota."), FakeReply.Text("Imate polja Mota i Nova."));
        Assert.Equal("llm", Method(await AskAsync(D.WheatKey, new { query = "Koja polja imam?" })));
        Assert.Equal("cache", Method(await AskAsync(D.WheatKey, new { query = "koja polja imam" })));
        Assert.Single(Model.Requests);
        await Factory.Client(D.WheatKey).Post($"/api/v1/farmer/{D.CroatianWheat}/fields", new { name = "Nova", area_ha = 2 });
        var fresh = await AskAsync(D.WheatKey, new { query = "Koja polja imam?" });
        Assert.Equal("llm", Method(fresh));
        Assert.Contains("Nova", Text(fresh), StringComparison.Ordinal);
    }
}

/// <summary>A model that keeps failing trips the circuit breaker: later questions go offline without calling it.</summary>
public sealed class CircuitBreakerTests(TestDatabase database) : AssistantTestBase(database)
{
    protected override bool WithModel => true;

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_the_model_is_not_called()
    {
        Model!.Default = FakeReply.Status(500);
        for (var i = 0; i < 5; i++)
            Assert.Equal("offline", Method(await AskAsync(D.WheatKey, new { query = $"Koliko polja imam? {i}" })));
        var calls = Model.Requests.Count;
        Assert.Equal("offline", Method(await AskAsync(D.WheatKey, new { query = "Koliko polja imam? još jednom" })));
        Assert.Equal(calls, Model.Requests.Count); // the open circuit answered, not the server
        await using var db = Database.CreateContext();
        var last = await db.LlmCalls.OrderByDescending(c => c.Id).FirstAsync();
        Assert.Contains("Circuit", last.Error, StringComparison.OrdinalIgnoreCase);
    }
}
