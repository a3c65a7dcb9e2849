// The per-farmer limit costs one shared-state round trip per API request. Which store should pay it at 25 instances:
// Redis (the service's RedisFarmerLimiter: one Lua script) or the Aurora writer (one upsert per request)? Measured side by
// side, interleaved rounds, medians: requests/s at a fixed concurrency, latency of one check, and the CPU the store's
// server processes spend per check (and, for PostgreSQL, the WAL each check writes).
//   dotnet run -c Release -- REDIS_PORT PG_CONNECTION_STRING PG_POSTMASTER_PID REDIS_PID [seconds] [rounds] [concurrency]
using System.Globalization;
using System.Threading.RateLimiting;
using AvaOlo.AgriculturalCore.ScaleOut;
using AvaOlo.Bench.Limiter;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

var inv = CultureInfo.InvariantCulture;
var (redisPort, pg, postmaster, redisPid) = (args[0], args[1], int.Parse(args[2], inv), int.Parse(args[3], inv));
var seconds = args.Length > 4 ? int.Parse(args[4], inv) : 10;
var rounds = args.Length > 5 ? int.Parse(args[5], inv) : 3;
var concurrency = args.Length > 6 ? int.Parse(args[6], inv) : 16;
const int Farmers = 500, PerMinute = 1_000_000; // never refused: the cost of a granted request is what every request pays

await using var redis = new RedisConnection(Microsoft.Extensions.Options.Options.Create(new RedisOptions { Url = $"redis://127.0.0.1:{redisPort}" }), NullLogger<RedisConnection>.Instance);
await redis.MultiplexerAsync();
var fallback = PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetNoLimiter("unused"));
using var viaRedis = new RedisFarmerLimiter(redis, fallback, http => (string?)http.Items["farmer"], PerMinute, TimeProvider.System, NullLogger.Instance);
await using var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(pg) { MaxPoolSize = concurrency, MinPoolSize = concurrency }.ConnectionString);
await PgLimiter.CreateTablesAsync(source);

var contexts = Enumerable.Range(0, Farmers).Select(i => new DefaultHttpContext { Items = { ["farmer"] = $"farmer:{i}" } }).ToArray();
var candidates = new (string Name, Func<int, Task<bool>> Check, Func<long>? Cpu, bool Wal)[]
{
    ("Redis (RedisFarmerLimiter, Lua)", async i => { using var lease = await viaRedis.AcquireAsync(contexts[i % Farmers]); return lease.IsAcquired; }, () => Cpu.Of([redisPid]), false),
    ("PostgreSQL upsert, logged table", i => PgLimiter.CheckAsync(source, "rl_logged", i % Farmers, PerMinute), () => Cpu.OfTree(postmaster), true),
    ("PostgreSQL upsert, UNLOGGED table", i => PgLimiter.CheckAsync(source, "rl_unlogged", i % Farmers, PerMinute), () => Cpu.OfTree(postmaster), true),
};

foreach (var c in candidates) await Measure.RunAsync(c.Check, 2, concurrency, source, c.Cpu, c.Wal); // warm-up: JIT, pools, pages
var results = candidates.ToDictionary(c => c.Name, _ => new List<Measure.Result>());
for (var round = 0; round < rounds; round++)
    foreach (var c in candidates)
        results[c.Name].Add(await Measure.RunAsync(c.Check, seconds, concurrency, source, c.Cpu, c.Wal));

Console.WriteLine($"| store | checks/s ({concurrency} concurrent) | latency p50 / p99 (ms) | server CPU per check (µs) | WAL per check (bytes) |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var (name, list) in results)
{
    double Median(Func<Measure.Result, double> f) => list.Select(f).Order().ElementAt(list.Count / 2);
    Console.WriteLine(string.Create(inv, $"| {name} | {Median(r => r.PerSecond):N0} | {Median(r => r.P50Ms):0.00} / {Median(r => r.P99Ms):0.00} | {Median(r => r.ServerCpuMicros):0.0} | {(list[0].WalBytes is null ? "–" : Median(r => r.WalBytes ?? 0).ToString("0", inv))} |"));
}
