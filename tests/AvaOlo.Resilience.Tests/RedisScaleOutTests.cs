using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvaOlo.Testing;

namespace AvaOlo.Resilience.Tests;

/// <summary>Three instances with REDIS_URL (a real redis-server on loopback): one per-farmer limit and one answer cache between them.</summary>
[Collection(ResilienceCollection.Name)]
public sealed class RedisScaleOutTests(TestDatabase database, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly int _redisPort = Scripts.FreePort();

    public Task InitializeAsync() => Scripts.RunAsync("bench/lib/redis.sh", "start", _redisPort.Text());

    public Task DisposeAsync() => Scripts.RunAsync("bench/lib/redis.sh", "stop", _redisPort.Text());

    [Fact]
    public async Task Limit_of_1000_per_minute_holds_across_three_instances_answers_are_shared_and_a_redis_outage_fails_nothing()
    {
        await database.ResetAsync();
        Seeded world;
        await using (var db = database.CreateContext()) world = await Seeded.CreateAsync(db);
        var env = ServiceWithTestDatabase.Env(database, ("REDIS_URL", $"redis://127.0.0.1:{_redisPort}"), ("RATE_LIMIT_PER_FARMER_PER_MINUTE", "1000"));
        await using var a = await CoreProcess.StartAsync(env);
        await using var b = await CoreProcess.StartAsync(env);
        await using var c = await CoreProcess.StartAsync(env);

        // Cached answers are shared: asked on A (answered offline: no model configured), the same question on B comes from the cache.
        using var adminA = a.Client(world.AdminKey);
        using var adminB = b.Client(world.AdminKey);
        var question = new { query = "Koliko je karenca za Prosaro u pšenici?", farmer_id = world.FarmerId };
        var first = await (await adminA.PostAsJsonAsync("/api/v1/farmer/query", question)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("offline", first.GetProperty("method").GetString());
        var second = await (await adminB.PostAsJsonAsync("/api/v1/farmer/query", question)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("cache", second.GetProperty("method").GetString());
        Assert.Equal(first.GetProperty("response").GetString(), second.GetProperty("response").GetString());

        // 1,500 requests for one farmer, taking turns on the three instances: the farmer gets 1,000, not 3 x 1,000 (nor 3 x 500).
        using var keyA = a.Client(world.FarmerKey);
        using var keyB = b.Client(world.FarmerKey);
        using var keyC = c.Client(world.FarmerKey);
        var ok = new ConcurrentDictionary<string, int>();
        var statuses = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 1500), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var (client, name) = (i % 3) switch { 0 => (keyA, "a"), 1 => (keyB, "b"), _ => (keyC, "c") };
            var response = await client.GetAsync($"/api/v1/farmer/{world.FarmerId}/fields", ct);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if (response.StatusCode == HttpStatusCode.OK) ok.AddOrUpdate(name, 1, (_, n) => n + 1);
            else if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        });
        var served = ok.Values.Sum();
        var summary = string.Join(", ", statuses.Select(kv => $"{kv.Key}: {kv.Value}"));
        // A sliding window: if the minute turned during the run, the part of the window that slid out frees a little room.
        var slack = (int)Math.Ceiling(1000 * clock.Elapsed.TotalSeconds / 60) + 1;
        output.WriteLine($"figures: 1,500 requests for one farmer over three instances in {clock.Elapsed.TotalSeconds:0.0} s: {served} served (a {ok.GetValueOrDefault("a")}, b {ok.GetValueOrDefault("b")}, c {ok.GetValueOrDefault("c")}), {statuses.GetValueOrDefault(429)} refused with 429; answer asked on A came from the cache on B");
        // The two questions asked for the farmer above (by an admin key naming them) count in the farmer's minute too.
        Assert.InRange(served, 1000 - 2, 1000 + slack);
        Assert.Equal(1500, statuses.GetValueOrDefault(200) + statuses.GetValueOrDefault(429));
        // Each instance served some and refused some: the limit was shared, not three limits that were never reached.
        Assert.All(new[] { "a", "b", "c" }, n => Assert.True(ok.GetValueOrDefault(n) is > 0 and < 1000, summary));

        // Redis goes away: requests are not failed or slowed; each instance limits on its own meanwhile.
        await Scripts.RunAsync("bench/lib/redis.sh", "stop", _redisPort.Text());
        var during = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            var response = await (i % 2 == 0 ? adminA : adminB).GetAsync($"/api/v1/farmer/{world.FarmerId}/fields");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.True(during.Elapsed < TimeSpan.FromSeconds(10), $"20 requests took {during.Elapsed.TotalSeconds:0.0} s without Redis");
        var again = await adminB.PostAsJsonAsync("/api/v1/farmer/query", new { query = "Kdaj naj škropim?", farmer_id = world.FarmerId });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
