using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvaOlo.Data;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.Resilience.Tests;

/// <summary>
/// The Aurora failover, drilled here: a primary and a synchronous hot standby (scripts/postgres-pair.sh), the core as a
/// process with both in DB_HOST, logged in as the DML-only role, under write load. The primary stops (immediate) and the
/// standby is promoted: the core finds the new primary by itself within 30 s, answers only 503 with Retry-After in the
/// gap, never hangs, and every acknowledged (201) write is on the new primary.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class FailoverDrillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Pair = "scripts/postgres-pair.sh";
    private readonly (int Primary, int Standby) _ports = TwoPorts();
    private readonly string _password = Guid.NewGuid().ToString("N");
    private readonly ServiceRole _role = new("avaolo_failover_app", "f" + Guid.NewGuid().ToString("N"));
    private DatabaseOptions _owner = null!;

    private string P => _ports.Primary.ToString(CultureInfo.InvariantCulture);
    private string S => _ports.Standby.ToString(CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        await Scripts.RunAsync(new Dictionary<string, string> { ["AVAOLO_PAIR_PASSWORD"] = _password, ["DB_NAME"] = "avaolo_failover" }, Pair, "up", P, S);
        _owner = new DatabaseOptions
        {
            Host = $"127.0.0.1:{P},127.0.0.1:{S}", Name = "avaolo_failover", User = "avaolo", Password = _password, SslMode = "Disable", ConnectTimeoutSeconds = 15,
        };
        await Migrator.MigrateAsync(_owner, _ => { }, CancellationToken.None, _role);
    }

    public async Task DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await Scripts.RunAsync(Pair, "teardown", P);
    }

    // Unpooled, and through the same host list: the test's checks find the primary of the moment as the core must.
    private AvaOloDbContext Context() => new(new DbContextOptionsBuilder<AvaOloDbContext>()
        .UseNpgsql(new Npgsql.NpgsqlConnectionStringBuilder(_owner.ToConnectionString()) { Pooling = false }.ConnectionString).UseSnakeCaseNamingConvention().Options);

    [Fact]
    public async Task Primary_lost_and_standby_promoted_under_write_load_writes_resume_within_30_s_with_only_503s_between_and_nothing_acknowledged_lost()
    {
        Seeded world;
        await using (var db = Context()) world = await Seeded.CreateAsync(db);
        await using var core = await CoreProcess.StartAsync(new Dictionary<string, string>
        {
            ["DB_HOST"] = _owner.Host!, ["DB_NAME"] = _owner.Name, ["DB_USER"] = _role.User, ["DB_PASSWORD"] = _role.Password!, ["DB_SSL_MODE"] = "Disable",
            ["RATE_LIMIT_PER_FARMER_PER_MINUTE"] = "1000000",
        });
        using var client = core.Client(world.FarmerKey, TimeSpan.FromSeconds(10));
        using (var patient = core.Client(world.FarmerKey, TimeSpan.FromSeconds(60))) // a cold start's first write, as in DatabaseOutageTests
            Assert.Equal(HttpStatusCode.Created, (await patient.PostAsJsonAsync($"/api/v1/farmer/{world.FarmerId}/fields", new { name = "warm-up", area_ha = 1m })).StatusCode);

        await StaleEndpointIsRefusedCleanlyAsync(world);

        var acknowledged = new ConcurrentBag<int>();
        var statuses = new ConcurrentDictionary<int, int>();
        var slowest = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        var stoppedTicks = long.MaxValue; // when the primary was down for sure, on the clock: later writes went to the new one
        var writesAfterStop = new ConcurrentBag<TimeSpan>();
        using var stopLoad = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stopLoad.IsCancellationRequested && clock.Elapsed < TimeSpan.FromSeconds(90); i++)
            {
                var started = clock.Elapsed;
                HttpResponseMessage response;
                try { response = await client.PostAsJsonAsync($"/api/v1/farmer/{world.FarmerId}/fields", new { name = $"w{w}-{i}", area_ha = 0.5m }); }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    statuses.AddOrUpdate(-1, 1, (_, n) => n + 1); // a hang past the client's 10 s, or a broken connection
                    continue;
                }
                var done = clock.Elapsed;
                slowest.Add((done - started).TotalSeconds);
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status == 201)
                {
                    acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
                    if (started.Ticks > Interlocked.Read(ref stoppedTicks)) writesAfterStop.Add(done);
                }
                else if (status == 503)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    Assert.True(response.Headers.RetryAfter is not null, "503 without Retry-After");
                    await Task.Delay(100); // a client honouring Retry-After would wait longer
                }
            }
        })).ToArray();

        for (var waited = 0; waited < 300 && acknowledged.Count < 20; waited++) await Task.Delay(100);
        await Task.Delay(1000);
        var stopIssued = clock.Elapsed;
        string? gapReason;
        await Scripts.RunAsync(Pair, "stop-primary", P);
        Interlocked.Exchange(ref stoppedTicks, clock.Elapsed.Ticks);
        await Task.Delay(1500); // no primary at all: the gap an Aurora failover has before its reader is promoted
        using (var anonymous = core.Client(timeout: TimeSpan.FromSeconds(10)))
        {
            var health = await anonymous.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            gapReason = (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("database").GetProperty("reason").GetString();
            Assert.StartsWith("database unreachable", gapReason, StringComparison.Ordinal);
        }
        await Task.Delay(1500);
        var promoteIssued = clock.Elapsed;
        await Scripts.RunAsync(Pair, "promote", P);
        var promoted = clock.Elapsed;
        while (writesAfterStop.IsEmpty && clock.Elapsed - promoteIssued < TimeSpan.FromSeconds(45)) await Task.Delay(100);
        await Task.Delay(2000); // writes go on against the new primary
        await stopLoad.CancelAsync();
        await Task.WhenAll(workers);

        var summary = string.Join(", ", statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}"));
        var firstWrite = writesAfterStop.IsEmpty ? TimeSpan.MaxValue : writesAfterStop.Min();
        var resumedIn = (firstWrite - promoteIssued).TotalSeconds;
        output.WriteLine($"figures: synchronous standby, 8 writers; statuses {summary}; promotion took {(promoted - promoteIssued).TotalSeconds:0.00} s; " +
            $"first acknowledged write {resumedIn:0.00} s after the promote command ({(firstWrite - stopIssued).TotalSeconds:0.00} s after the primary was stopped); " +
            $"slowest answer {slowest.Max():0.00} s; /health in the gap: 503 \"{gapReason}\"; {acknowledged.Count} acknowledged writes, all on the new primary");
        Assert.False(writesAfterStop.IsEmpty, $"no write succeeded within 45 s of the promotion ({summary})\n{core.Output}");
        Assert.True(resumedIn < 30, $"writes resumed {resumedIn:0.0} s after the promotion ({summary})");
        Assert.True(statuses.ContainsKey(503), $"no 503 while there was no primary ({summary})");
        Assert.All(statuses.Keys, s => Assert.True(s is 201 or 503, $"a response other than 201 or 503 ({summary})\n{core.Output}"));
        Assert.True(slowest.Max() < 10, $"slowest answer {slowest.Max():0.0} s ({summary})");

        // Every 201 is on the new primary (the standby was synchronous: a commit was acknowledged only once it had it).
        await using var check = Context();
        Assert.Equal(_ports.Standby, await PortOfAsync(check));
        var stored = await check.Fields.Where(f => f.FarmerId == world.FarmerId).Select(f => f.Id).ToListAsync();
        var lost = acknowledged.Except(stored).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged writes missing on the new primary: {string.Join(", ", lost.Take(20))}");

        // The API key listener found the new primary too.
        var listening = Stopwatch.StartNew();
        while (await check.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE application_name = 'avaolo-key-listener'").SingleAsync() == 0)
        {
            Assert.True(listening.Elapsed < TimeSpan.FromSeconds(15), "the API key listener did not reconnect to the new primary within 15 s");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Aurora's cluster endpoint is a DNS name: for a while after a failover it may still lead to the old writer, now a
    /// reader. A core whose only DB_HOST is the standby stands for that: writes get 25006 from the server, which must be
    /// a 503 with Retry-After (not a 500), while reads are still served.
    /// </summary>
    private async Task StaleEndpointIsRefusedCleanlyAsync(Seeded world)
    {
        await using var stale = await CoreProcess.StartAsync(new Dictionary<string, string>
        {
            ["DB_HOST"] = $"127.0.0.1:{S}", ["DB_NAME"] = _owner.Name, ["DB_USER"] = _role.User, ["DB_PASSWORD"] = _role.Password!, ["DB_SSL_MODE"] = "Disable",
        });
        using var client = stale.Client(world.FarmerKey, TimeSpan.FromSeconds(60));
        for (var i = 0; i < 3; i++)
        {
            var write = await client.PostAsJsonAsync($"/api/v1/farmer/{world.FarmerId}/fields", new { name = $"stale-{i}", area_ha = 1m });
            Assert.True(write.StatusCode == HttpStatusCode.ServiceUnavailable, $"a write on a read-only server got {(int)write.StatusCode}: {await write.Content.ReadAsStringAsync()}\n{stale.Output}");
            Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(write.Headers.RetryAfter);
        }
        var read = await client.GetAsync($"/api/v1/farmer/{world.FarmerId}/fields");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("Mota", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        output.WriteLine("figures: a core whose only DB_HOST is the standby (a stale cluster endpoint): 3 writes 503 with Retry-After, reads 200");
    }

    private static async Task<int> PortOfAsync(AvaOloDbContext db) =>
        await db.Database.SqlQueryRaw<int>("SELECT current_setting('port')::int AS \"Value\"").SingleAsync();

    private static (int, int) TwoPorts()
    {
        var a = Scripts.FreePort();
        var b = Scripts.FreePort();
        while (b == a) b = Scripts.FreePort();
        return (a, b);
    }
}
