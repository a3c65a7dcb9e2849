using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvaOlo.Data;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.Resilience.Tests;

/// <summary>
/// The database stops in the middle of load — a scratch PostgreSQL cluster of its own (bench/lib/pg-scratch.sh), never
/// the shared one. Requests get 503 problem details with Retry-After within 5 s, none hangs, none is a 500; /health
/// says why; the service recovers by itself within 5 s of the database coming back; acknowledged writes survive.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly int _pgPort = Scripts.FreePort();
    private readonly string _password = Guid.NewGuid().ToString("N");
    private DatabaseOptions _db = null!;

    public async Task InitializeAsync()
    {
        await Scripts.RunAsync("bench/lib/pg-scratch.sh", "up", _pgPort.ToString(System.Globalization.CultureInfo.InvariantCulture), _password);
        _db = new DatabaseOptions { Host = "127.0.0.1", Port = _pgPort, Name = "avaolo_faults", User = "avaolo", Password = _password, SslMode = "Disable" };
        await Migrator.MigrateAsync(_db, _ => { }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await Scripts.RunAsync("bench/lib/pg-scratch.sh", "destroy", _pgPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    // No pooling: the test's own connections must not be ones the outage killed.
    private AvaOloDbContext Context() => new(new DbContextOptionsBuilder<AvaOloDbContext>()
        .UseNpgsql(new Npgsql.NpgsqlConnectionStringBuilder(_db.ToConnectionString()) { Pooling = false }.ConnectionString).UseSnakeCaseNamingConvention().Options);

    [Fact]
    public async Task Outage_mid_load_is_503_with_retry_after_then_recovers_and_acknowledged_writes_survive()
    {
        Seeded world;
        await using (var db = Context()) world = await Seeded.CreateAsync(db);
        await using var core = await CoreProcess.StartAsync(new Dictionary<string, string>
        {
            ["DB_HOST"] = "127.0.0.1", ["DB_PORT"] = _pgPort.ToString(System.Globalization.CultureInfo.InvariantCulture), ["DB_NAME"] = _db.Name,
            ["DB_USER"] = "avaolo", ["DB_PASSWORD"] = _password, ["DB_SSL_MODE"] = "Disable", ["RATE_LIMIT_PER_FARMER_PER_MINUTE"] = "100000",
        });
        using var client = core.Client(world.FarmerKey, TimeSpan.FromSeconds(10));
        // One request of each kind first: on a busy machine a cold instance's first writes (JIT, EF's model) took 8-10 s
        // at base commit 9a3e2b0 too, and this test is about the outage, not about start-up (bench/ measures that).
        using (var patient = core.Client(world.FarmerKey, TimeSpan.FromSeconds(60)))
        {
            Assert.Equal(HttpStatusCode.Created, (await patient.PostAsJsonAsync($"/api/v1/farmer/{world.FarmerId}/fields", new { name = "warm-up", area_ha = 1m })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync($"/api/v1/farmer/{world.FarmerId}/fields")).StatusCode);
        }
        var acknowledged = new ConcurrentBag<int>();
        var statuses = new ConcurrentDictionary<int, int>();
        var slowest = new ConcurrentBag<double>();
        var outageStarted = 0L; // Stopwatch timestamp when the database was stopped
        var first503AfterOutage = new ConcurrentBag<double>();
        using var stopLoad = new CancellationTokenSource();

        // Load: 8 workers reading and writing until told to stop (bounded to 60 s at most).
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stopLoad.IsCancellationRequested && clock.Elapsed < TimeSpan.FromSeconds(60); i++)
            {
                var started = Stopwatch.GetTimestamp();
                HttpResponseMessage response;
                try
                {
                    response = i % 4 == 0
                        ? await client.PostAsJsonAsync($"/api/v1/farmer/{world.FarmerId}/fields", new { name = $"w{w}-{i}", area_ha = 1.25m })
                        : await client.GetAsync($"/api/v1/farmer/{world.FarmerId}/fields");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    statuses.AddOrUpdate(-1, 1, (_, n) => n + 1); // a hang (client timeout) or a broken connection
                    continue;
                }
                var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
                slowest.Add(elapsed);
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status == 201) acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
                if (status == 503)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    Assert.True(response.Headers.RetryAfter is not null, "503 without Retry-After");
                    if (Interlocked.Read(ref outageStarted) is var at and > 0) first503AfterOutage.Add(Stopwatch.GetElapsedTime(at).TotalSeconds);
                }
                if (status == 503) await Task.Delay(100); // a client honouring Retry-After would wait longer
            }
        })).ToArray();

        // Load runs for a while, with writes acknowledged, before the database goes away.
        for (var waited = 0; waited < 300 && acknowledged.Count < 10; waited++) await Task.Delay(100);
        await Task.Delay(1000);
        var beforeOutage = acknowledged.ToArray();
        Interlocked.Exchange(ref outageStarted, Stopwatch.GetTimestamp());
        await Scripts.RunAsync("bench/lib/pg-scratch.sh", "stop", _pgPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Task.Delay(4000);

        using var anonymous = core.Client(timeout: TimeSpan.FromSeconds(10));
        var health = await anonymous.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var reason = (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("database").GetProperty("reason").GetString();
        Assert.StartsWith("database unreachable", reason);

        await Scripts.RunAsync("bench/lib/pg-scratch.sh", "start", _pgPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var back = Stopwatch.StartNew();
        while (back.Elapsed < TimeSpan.FromSeconds(10))
        {
            if ((await client.GetAsync($"/api/v1/farmer/{world.FarmerId}/fields")).StatusCode == HttpStatusCode.OK) break;
            await Task.Delay(100);
        }
        var recoveredIn = back.Elapsed;
        await Task.Delay(1000);
        stopLoad.Cancel();
        await Task.WhenAll(workers);

        var summary = string.Join(", ", statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}"));
        output.WriteLine($"figures: statuses {summary}; first 503 {first503AfterOutage.DefaultIfEmpty(double.NaN).Min():0.00} s after the stop; " +
            $"slowest answer {slowest.Max():0.00} s; recovered {recoveredIn.TotalSeconds:0.00} s after the start; {acknowledged.Count} acknowledged writes all present");
        Assert.True(statuses.ContainsKey(503), $"no 503 during the outage ({summary})");
        Assert.False(statuses.ContainsKey(500), $"500s during the outage ({summary})\n{core.Output}");
        Assert.False(statuses.ContainsKey(-1), $"hung or broken requests ({summary})");
        Assert.True(slowest.Max() < 5, $"slowest answer {slowest.Max():0.0} s ({summary})");
        Assert.True(first503AfterOutage.Min() < 5, $"first 503 came {first503AfterOutage.Min():0.0} s after the outage");
        Assert.True(recoveredIn < TimeSpan.FromSeconds(5), $"recovered {recoveredIn.TotalSeconds:0.0} s after the database came back");
        Assert.True((await anonymous.GetAsync("/health")).IsSuccessStatusCode);

        Assert.NotEmpty(beforeOutage);
        await using var check = Context();
        var stored = await check.Fields.Where(f => f.FarmerId == world.FarmerId).Select(f => f.Id).ToListAsync();
        Assert.All(acknowledged, id => Assert.Contains(id, stored)); // every 201, before and after the outage

        // The API key listener reconnected by itself: a key revoked now is refused within about a second.
        var listening = Stopwatch.StartNew();
        while (await check.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE application_name = 'avaolo-key-listener'").SingleAsync() == 0)
        {
            Assert.True(listening.Elapsed < TimeSpan.FromSeconds(15), "the API key listener did not reconnect within 15 s of the database coming back");
            await Task.Delay(100);
        }
        await check.Database.ExecuteSqlRawAsync("UPDATE api_keys SET revoked_at = now() WHERE farmer_id = {0}", world.FarmerId);
        var revoked = Stopwatch.StartNew();
        while ((await client.GetAsync($"/api/v1/farmer/{world.FarmerId}/fields")).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(revoked.Elapsed < TimeSpan.FromSeconds(2), "a key revoked after the outage was still accepted 2 s later");
            await Task.Delay(50);
        }
        output.WriteLine($"figures: the key listener was back {listening.Elapsed.TotalSeconds:0.0} s after the checks began; a revocation then took {revoked.ElapsedMilliseconds} ms");
    }
}
