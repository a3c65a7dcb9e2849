using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Deploy;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.Resilience.Tests;

/// <summary>
/// The saved Logs Insights queries (deploy/cdk/LogQueries.cs, the strings the CDK saves) run over the JSON lines the
/// core wrote while farmers asked: a Hungarian speaker in Croatia, a Croatian in Croatia, a Hungarian in Hungary, and
/// an English farmer whose model answers broke the mango rule; then a core without its database.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class LogQueryTests(TestDatabase database, ITestOutputHelper output)
{
    [Fact]
    public async Task The_saved_queries_count_exactly_what_the_core_logged()
    {
        await database.ResetAsync();
        var (huHr, hrHr, huHu, en) = (await FarmerAsync("Kovács Anna", "+385911111111", "HR", "hu"), await FarmerAsync("Ivan Horvat", "+385912222222", "HR", "hr"),
            await FarmerAsync("Nagy Péter", "+36301234567", "HU", "hu"), await FarmerAsync("John Smith", "+447700900123", "GB", "en"));
        // After the two scripted answers the model refuses every request (400: not retried), so the others are answered offline.
        await using var model = new FakeModelServer { Default = FakeReply.Status(400) };
        model.Then(FakeReply.Text("Mangoes cannot grow in England."), FakeReply.Text("Sorry, mangoes cannot grow in England at all."));
        await using var core = await CoreProcess.StartAsync(ServiceWithTestDatabase.Env(database,
            ("OPENAI_BASE_URL", model.BaseUrl.ToString()), ("LLM_TIMEOUT_SECONDS", "20"), ("LLM_DEADLINE_SECONDS", "25"),
            ("Logging__LogLevel__Default", "Information"))); // production's level (appsettings.json), not the tests' quieter one

        // The English farmer first, while the model still answers: two answers that refuse the crop, then offline.
        var refused = await AskAsync(core, en.Key, "Can I plant mangoes on my farm?", "en");
        Assert.Equal("offline", refused.GetProperty("method").GetString());
        foreach (var (farmer, questions) in new[] { (huHr, 3), (hrHr, 2), (huHu, 1) })
            for (var i = 0; i < questions; i++)
                Assert.Equal("offline", (await AskAsync(core, farmer.Key, $"Mikor permetezzem a búzát? ({i})", null)).GetProperty("method").GetString());

        var lines = await LinesAsync(core, l => l.Contains("Answered by", StringComparison.Ordinal), 7);
        var violations = LogsInsights.Run(LogQueries.ConstitutionalViolations.Query, lines);
        var hungarians = LogsInsights.Run(LogQueries.HungarianSpeakersInCroatiaPerHour.Query, lines);
        var errors = LogsInsights.Run(LogQueries.ServerErrors.Query, lines);

        // Every failed check the database recorded for the model's answers is one line the query counts.
        await using var db = database.CreateContext();
        var failedChecks = (await db.LlmCalls.Select(c => c.Checks).ToListAsync())
            .Sum(c => JsonNode.Parse(c ?? "[]")!.AsArray().Count(x => x!["passed"]?.GetValue<bool>() == false));
        output.WriteLine($"figures: {lines.Count} JSON lines; violations {violations.Total} ({string.Join(", ", violations.Counts.Keys)}), "
            + $"database failed checks {failedChecks}; Hungarian speakers in Croatia {hungarians.Total}; logged 5xx {errors.Total}");
        Assert.Equal(2, violations.Total);
        Assert.Equal(failedChecks, violations.Total);
        Assert.All(violations.Counts.Keys, k => Assert.StartsWith("no_crop_or_country_refusal | ", k, StringComparison.Ordinal));
        Assert.Equal(3, hungarians.Total);
        Assert.All(hungarians.Matched, l => Assert.Equal(huHr.Id, (int)l["farmer_id"]!));
        Assert.Equal(0, errors.Total);

        // A core whose database is unreachable: every /api request is a 503, and each is one line of the 5xx query.
        await using var down = await CoreProcess.StartAsync(new Dictionary<string, string>(ServiceWithTestDatabase.Env(database)) { ["DB_PORT"] = Scripts.FreePort().Text() },
            waitHealthy: false);
        using var client = down.Client(en.Key, TimeSpan.FromSeconds(20));
        var unavailable = 0;
        for (var i = 0; i < 3; i++)
        {
            var response = await RetryUntilListeningAsync(() => client.GetAsync($"/api/v1/farmer/{en.Id}/fields"));
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable) unavailable++;
        }
        var downLines = await LinesAsync(down, l => l.Contains("Database unavailable", StringComparison.Ordinal), unavailable);
        var downErrors = LogsInsights.Run(LogQueries.ServerErrors.Query, downLines);
        output.WriteLine($"figures: database unreachable: {unavailable} of 3 /api requests answered 503; the 5xx query counts {downErrors.Total} ({string.Join(", ", downErrors.Counts.Keys)})");
        Assert.Equal(3, unavailable);
        Assert.Equal(3, downErrors.Total);
        Assert.All(downErrors.Matched, l => Assert.Equal($"/api/v1/farmer/{en.Id}/fields", (string?)l["Path"]));
    }

    private sealed record Farmer(int Id, string Key);

    private async Task<Farmer> FarmerAsync(string name, string phone, string country, string language)
    {
        await using var db = database.CreateContext();
        var farmer = new AvaOlo.Data.Entities.Farmer { Name = name, Phone = phone, CountryCode = country, PreferredLanguage = language };
        db.Farmers.Add(farmer);
        await db.SaveChangesAsync();
        db.Fields.Add(new Field { FarmerId = farmer.Id, Name = "Dűlő", AreaHa = 2.5m });
        await db.SaveChangesAsync();
        return new(farmer.Id, await TestRecords.KeyAsync(db, name, farmer.Id, ApiScopes.FarmerDefault));
    }

    private static async Task<JsonElement> AskAsync(CoreProcess core, string key, string question, string? language)
    {
        using var client = core.Client(key, TimeSpan.FromSeconds(30));
        var response = await client.PostAsJsonAsync("/api/v1/farmer/query", new { query = question, language });
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{core.Output}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The core's JSON lines, once at least <paramref name="expected"/> lines match (the console logger writes asynchronously).</summary>
    private static async Task<List<JsonObject>> LinesAsync(CoreProcess core, Func<string, bool> marker, int expected)
    {
        var clock = Stopwatch.StartNew();
        while (core.Output.Split('\n').Count(marker) < expected && clock.Elapsed < TimeSpan.FromSeconds(15)) await Task.Delay(100);
        return core.Output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }

    private static async Task<HttpResponseMessage> RetryUntilListeningAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var clock = Stopwatch.StartNew(); ; await Task.Delay(100))
        {
            try { return await send(); }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(60)) { } // not listening yet
        }
    }
}
