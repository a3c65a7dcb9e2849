using System.Text.Json;
using System.Text.Json.Nodes;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.ModelPath;

/// <summary>
/// The model's tools are made per question and bound to its farmer, with no ambient state: questions of two farmers
/// in flight at the same time each see only their own farmer's records through the tools.
/// </summary>
public sealed class PerQuestionToolsTests(TestDatabase database) : AssistantTestBase(database)
{
    protected override bool WithModel => true;

    // The scripted answers repeat the tool results whatever the reply language: this test is about whose records they
    // are, so the answer checks (and their corrective retry) stay out of the way. Generous timeouts for a loaded machine.
    protected override Dictionary<string, string?> Settings() => new()
    {
        ["ENABLE_CONSTITUTIONAL_CHECKS"] = "false", ["LLM_TIMEOUT_SECONDS"] = "20", ["LLM_DEADLINE_SECONDS"] = "40",
    };

    private static JsonNode? LastToolResult(JsonNode request) =>
        request["messages"]!.AsArray().LastOrDefault(m => m!["role"]!.GetValue<string>() == "tool") is { } tool
            ? JsonNode.Parse(tool["content"]!.ToString()) : null;

    [Fact]
    public async Task Concurrent_questions_from_two_farmers_each_get_their_own_farmers_tool_results()
    {
        // Each question: the model first asks for list_fields (held back, so the questions overlap), then answers with
        // the field names the tool gave it.
        Model!.Default = FakeReply.From(request => LastToolResult(request) is JsonArray fields
            ? FakeReply.Text("Fields: " + string.Join(" | ", fields.Select(f => f!["name"]!.GetValue<string>())))
            : FakeReply.Delayed(TimeSpan.FromMilliseconds(300), FakeReply.Tool("list_fields")));
        Dictionary<string, (string[] Names, int[] Ids)> own = [];
        await using (var db = Database.CreateContext())
        {
            foreach (var (key, farmer) in new[] { (D.MangoKey, D.Mango), (D.WheatKey, D.CroatianWheat) })
            {
                var fields = await db.Fields.Where(f => f.FarmerId == farmer).ToListAsync();
                own[key] = (fields.Select(f => f.Name).Order(StringComparer.Ordinal).ToArray(), fields.Select(f => f.Id).Order().ToArray());
            }
        }
        Assert.Empty(own[D.MangoKey].Names.Intersect(own[D.WheatKey].Names));

        var questions = Enumerable.Range(0, 6).SelectMany(i => new[] { D.MangoKey, D.WheatKey }.Select(key => (Key: key, Query: $"Which fields do I have? ({i})")));
        var answers = await Task.WhenAll(questions.Select(async q => (q.Key, Response: await AskAsync(q.Key, new { query = q.Query }))));

        Assert.Equal(12, answers.Length);
        foreach (var (key, response) in answers)
        {
            Assert.Equal("llm", Method(response));
            Assert.Equal(1, response.GetProperty("metadata").GetProperty("tool_calls").GetInt32());
            var named = Text(response)["Fields: ".Length..].Split(" | ").Order(StringComparer.Ordinal);
            Assert.Equal(own[key].Names, named);
            var sourceIds = response.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).Order();
            Assert.Equal(own[key].Ids, sourceIds);
        }
    }
}
