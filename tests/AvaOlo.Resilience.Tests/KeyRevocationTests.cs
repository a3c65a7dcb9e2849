using System.Diagnostics;
using System.Net;
using AvaOlo.Data;
using AvaOlo.Testing;
using Npgsql;

namespace AvaOlo.Resilience.Tests;

/// <summary>
/// Two core instances over one database, as real processes: a key both have cached is revoked with plain SQL and
/// both refuse it within about a second (LISTEN/NOTIFY), not after their 30-second caches expire.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class KeyRevocationTests(TestDatabase database, ITestOutputHelper output)
{
    [Fact]
    public async Task A_key_cached_on_two_instances_and_revoked_by_sql_is_refused_by_both_within_two_seconds()
    {
        await database.ResetAsync();
        Seeded world;
        await using (var db = database.CreateContext()) world = await Seeded.CreateAsync(db);
        var env = ServiceWithTestDatabase.Env(database, ("RATE_LIMIT_PER_FARMER_PER_MINUTE", "100000"));
        await using var a = await CoreProcess.StartAsync(env);
        await using var b = await CoreProcess.StartAsync(env);
        var path = $"/api/v1/farmer/{world.FarmerId}/fields";
        using var onA = a.Client(world.FarmerKey);
        using var onB = b.Client(world.FarmerKey);
        await ListenersAsync(2);
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync(path)).StatusCode);

        await using (var conn = new NpgsqlConnection(database.ConnectionString))
        {
            await conn.OpenAsync();
            await using var revoke = new NpgsqlCommand("UPDATE api_keys SET revoked_at = now() WHERE prefix = $1", conn)
                { Parameters = { new() { Value = ApiKeySecrets.PrefixOf(world.FarmerKey)! } } };
            Assert.Equal(1, await revoke.ExecuteNonQueryAsync());
        }
        var refused = await Task.WhenAll(UntilRefusedAsync(onA, path), UntilRefusedAsync(onB, path));
        output.WriteLine($"figures: revoked by SQL, refused by instance A after {refused[0].TotalMilliseconds:0} ms and by B after {refused[1].TotalMilliseconds:0} ms");
        Assert.All(refused, took => Assert.True(took < TimeSpan.FromSeconds(2), $"an instance accepted the revoked key for {took.TotalSeconds:0.0} s"));
    }

    private static async Task<TimeSpan> UntilRefusedAsync(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            if ((await client.GetAsync(path)).StatusCode == HttpStatusCode.Unauthorized) return clock.Elapsed;
            await Task.Delay(25);
        }
        return clock.Elapsed;
    }

    /// <summary>Both instances' listeners are connected before the keys are cached.</summary>
    private async Task ListenersAsync(int count)
    {
        var clock = Stopwatch.StartNew();
        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await using var cmd = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'avaolo-key-listener' AND datname = current_database()", conn);
            if ((long)(await cmd.ExecuteScalarAsync())! >= count) return;
            await Task.Delay(100);
        }
        Assert.Fail($"fewer than {count} API key listeners connected within 15 s");
    }
}
