using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using AvaOlo.Testing;

namespace AvaOlo.Resilience.Tests;

/// <summary>The model server slow, failing or talking nonsense while many farmers ask: every answer still arrives, offline, within the deadline.</summary>
[Collection(ResilienceCollection.Name)]
public sealed class ModelFaultTests(TestDatabase database, ITestOutputHelper output)
{
    public static TheoryData<string> Faults => ["slow", "fail", "garbage"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Every_question_under_load_is_answered_offline_within_the_deadline(string fault)
    {
        await database.ResetAsync();
        Seeded world;
        await using (var db = database.CreateContext()) world = await Seeded.CreateAsync(db);
        await using var model = new FakeModelServer
        {
            Default = fault switch
            {
                "slow" => FakeReply.Delayed(TimeSpan.FromSeconds(30), FakeReply.Text("too late")),
                "fail" => FakeReply.Status(500),
                _ => FakeReply.Raw("{\"choices\": [ not json <html>"),
            },
        };
        const int deadlineSeconds = 2;
        await using var core = await CoreProcess.StartAsync(ServiceWithTestDatabase.Env(database,
            ("OPENAI_BASE_URL", model.BaseUrl.ToString()), ("LLM_TIMEOUT_SECONDS", "1"), ("LLM_DEADLINE_SECONDS", deadlineSeconds.Text())));
        using var client = core.Client(world.FarmerKey, TimeSpan.FromSeconds(30));

        // Warm-up, one question: loads the language models and compiles the paths, so the load below measures the steady state.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/farmer/query", new { query = "Kdaj naj škropim?" })).StatusCode);

        var results = new ConcurrentBag<(int Status, string? Method, double Seconds)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 48), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            var response = await client.PostAsJsonAsync("/api/v1/farmer/query", new { query = $"Koliko je karenca za Prosaro u pšenici? ({i})" }, ct);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            results.Add(((int)response.StatusCode, body.TryGetProperty("method", out var m) ? m.GetString() : null, Stopwatch.GetElapsedTime(started).TotalSeconds));
        });

        Assert.True(results.All(r => r.Status == 200), $"statuses {string.Join(",", results.Select(r => r.Status))}\n{core.Output}");
        Assert.All(results, r => Assert.Equal("offline", r.Method));
        // The deadline bounds the model path; the offline answer and storing the exchange come on top (a few hundred ms here, under load).
        var slowest = results.Max(r => r.Seconds);
        output.WriteLine($"figures: model {fault}: {results.Count} questions, 16 at a time, all {string.Join(",", results.Select(r => r.Method).Distinct())}; slowest {slowest:0.00} s, median {results.Select(r => r.Seconds).Order().ElementAt(results.Count / 2):0.00} s (deadline {deadlineSeconds} s)");
        Assert.True(slowest < deadlineSeconds + 3, $"slowest answer took {slowest:0.00} s with a {deadlineSeconds} s deadline");
    }
}
