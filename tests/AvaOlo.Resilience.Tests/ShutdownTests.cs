using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvaOlo.Testing;

namespace AvaOlo.Resilience.Tests;

/// <summary>
/// A deploy: SIGTERM while requests are in flight. The instance drains (listener open, /health 503, new requests
/// refused with 503 problem details and Connection: close), then closes its listener while in-flight requests
/// finish, and exits in time. No client sees a reset.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class ShutdownTests(TestDatabase database, ITestOutputHelper output)
{
    private const int DrainSeconds = 5; // the production default: the test does not set SHUTDOWN_DRAIN_SECONDS

    [Fact]
    public async Task Sigterm_mid_load_drains_refusing_new_requests_cleanly_completes_in_flight_and_exits_within_30_s()
    {
        await database.ResetAsync();
        Seeded world;
        await using (var db = database.CreateContext()) world = await Seeded.CreateAsync(db);
        // A model that takes 6.5 s: questions asked before SIGTERM are still being answered when the drain ends, so
        // they finish while Kestrel stops, as on a real deploy, with most of the 25 s left for a machine busy with
        // other builds (in-flight requests still running at 25 s are cut off, drain or not).
        await using var model = new FakeModelServer { Default = FakeReply.Delayed(TimeSpan.FromSeconds(6.5), FakeReply.Text("Your fields are in good shape; spray after the rain.")) };
        await using var core = await CoreProcess.StartAsync(ServiceWithTestDatabase.Env(database,
            ("OPENAI_BASE_URL", model.BaseUrl.ToString()), ("LLM_TIMEOUT_SECONDS", "15"), ("LLM_DEADLINE_SECONDS", "20"),
            ("Logging__LogLevel__AvaOlo.ServiceDefaults.ShutdownDrain", "Information")));
        var fields = $"/api/v1/farmer/{world.FarmerId}/fields";
        using var client = core.Client(world.FarmerKey, TimeSpan.FromSeconds(40));
        // A client whose keep-alive connection is idle when SIGTERM comes: its next request must be refused cleanly too.
        using var keptAlive = core.Client(world.FarmerKey, TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, (await keptAlive.GetAsync(fields)).StatusCode);

        var sent = new Stopwatch();
        var inFlight = Enumerable.Range(0, 12).Select(async i =>
        {
            try
            {
                var response = await client.PostAsJsonAsync("/api/v1/farmer/query", new { query = $"How are my fields doing? ({i})", language = "en" });
                var body = await response.Content.ReadAsStringAsync();
                return ((int)response.StatusCode, response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.GetProperty("method").GetString() : body);
            }
            catch (HttpRequestException e) { return (-1, $"{e.GetBaseException().Message} {sent.Elapsed.TotalSeconds:0.0} s after SIGTERM"); }
        }).ToArray();
        // Generous: on a machine busy with other builds the first questions can take long to reach the model.
        await WaitUntilAsync(() => model.Requests.Count >= inFlight.Length, TimeSpan.FromSeconds(60),
            () => $"{model.Requests.Count} of {inFlight.Length} questions reached the model within 60 s; core output:\n{core.Output}");
        sent.Start();
        core.SendSigterm();

        // The drain begins: /health on a fresh connection turns 503 (until then 200; never an error).
        HttpResponseMessage health;
        while (true)
        {
            try { health = await NewConnection(core, "GET", "/health"); }
            catch (Exception e) { throw new InvalidOperationException($"/health {sent.Elapsed.TotalSeconds:0.00} s after SIGTERM: {e.GetBaseException().Message}; core output:\n{core.Output}", e); }
            if (health.StatusCode == HttpStatusCode.ServiceUnavailable) break;
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.True(sent.Elapsed < TimeSpan.FromSeconds(5), "/health did not report the drain within 5 s of SIGTERM");
            await Task.Delay(20);
        }
        var drainSeen = sent.Elapsed;
        await AssertRefusedAsync(health);

        // During the drain: new connections from several clients at once (reads, a question with a body, /health),
        // and the idle kept-alive connection. Each is answered 503 problem details with Retry-After and Connection:
        // close; none is reset or refused (the listener is open). Stop 2.5 s before the drain ends, so a loaded
        // machine cannot push a probe into the listener's close.
        var failures = new ConcurrentQueue<string>();
        var refusals = 0;
        var probeUntil = drainSeen + TimeSpan.FromSeconds(DrainSeconds - 2.5);
        var probes = Enumerable.Range(0, 3).Select(async worker =>
        {
            for (var n = 0; sent.Elapsed < probeUntil; n++)
            {
                var (method, path) = ((worker + n) % 3) switch { 0 => ("GET", fields), 1 => ("POST", "/api/v1/farmer/query"), _ => ("GET", "/health") };
                try
                {
                    await AssertRefusedAsync(await NewConnection(core, method, path, world.FarmerKey));
                    Interlocked.Increment(ref refusals);
                }
                catch (Exception e) { failures.Enqueue($"{method} {path} at {sent.Elapsed.TotalSeconds:0.00} s: {e.GetType().Name}: {e.GetBaseException().Message}"); }
                await Task.Delay(10);
            }
        }).ToList();
        probes.Add(Task.Run(async () =>
        {
            try { await AssertRefusedAsync(await keptAlive.GetAsync(fields)); Interlocked.Increment(ref refusals); }
            catch (Exception e) { failures.Enqueue($"kept-alive connection: {e.GetType().Name}: {e.GetBaseException().Message}"); }
        }));
        await Task.WhenAll(probes);
        var probedFor = sent.Elapsed - drainSeen;
        Assert.True(failures.IsEmpty, $"{failures.Count} of {failures.Count + refusals} requests during the drain were not refused cleanly:\n{string.Join("\n", failures.Take(10))}");
        Assert.True(refusals >= 10, $"only {refusals} requests were made during the drain");

        var answers = await Task.WhenAll(inFlight);
        var answered = sent.Elapsed;
        Assert.All(answers, a => Assert.Equal((200, "llm"), a)); // a reset in-flight request shows as -1
        Assert.True(await core.WaitForExitAsync(TimeSpan.FromSeconds(30) - sent.Elapsed), "the process did not exit within 30 s of SIGTERM");
        Assert.Contains($"Shutting down: draining for {DrainSeconds} s", core.Output, StringComparison.Ordinal);
        Assert.Contains("Drain ended after", core.Output, StringComparison.Ordinal);
        output.WriteLine($"figures: drain seen on /health {drainSeen.TotalSeconds:0.00} s after SIGTERM; {refusals} new requests in {probedFor.TotalSeconds:0.0} s of the {DrainSeconds} s drain all refused cleanly (503, Connection: close), 0 reset; "
            + $"{answers.Length} in-flight answers all 200 (llm), the last {answered.TotalSeconds:0.0} s after SIGTERM; exited {sent.Elapsed.TotalSeconds:0.0} s after SIGTERM, code {core.ExitCode}");
        Assert.Equal(0, core.ExitCode);
    }

    /// <summary>One request on a connection of its own (a new HttpClient and handler), as a client arriving now would make.</summary>
    private static async Task<HttpResponseMessage> NewConnection(CoreProcess core, string method, string path, string? apiKey = null)
    {
        using var fresh = core.Client(apiKey, TimeSpan.FromSeconds(10));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = JsonContent.Create(new { query = "Is it too late to sow wheat?", language = "en" });
        var response = await fresh.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.ConnectionClose, "no Connection: close");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal("Shutting down", problem.GetProperty("title").GetString());
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan within, Func<string> failure)
    {
        var until = Stopwatch.StartNew();
        while (!condition())
        {
            if (until.Elapsed > within) Assert.Fail(failure());
            await Task.Delay(20);
        }
    }
}
