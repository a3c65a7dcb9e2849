using System.Diagnostics;
using System.Net;
using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Tests.Auth;

/// <summary>
/// The key caches: a change to a key's row reaches the cache through LISTEN/NOTIFY within about a second, unknown
/// prefixes are remembered apart from real keys and briefly, and a flood of one unknown key costs one read.
/// </summary>
public sealed class ApiKeyCacheTests(TestDatabase database) : ApiTestBase(database)
{
    private ApiKeyStore Store => Factory.Services.GetRequiredService<ApiKeyStore>();

    [Fact]
    public async Task A_key_revoked_by_plain_sql_is_refused_within_about_a_second_not_after_the_cache_lifetime()
    {
        using var a = AsA;
        await ListeningAsync();
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/api/v1/farmer/{W.A.Id}/fields")).StatusCode); // now cached
        await SqlAsync("UPDATE api_keys SET revoked_at = now() WHERE prefix = $1", ApiKeySecrets.PrefixOf(W.KeyA)!);
        var took = await UntilAsync(a, $"/api/v1/farmer/{W.A.Id}/fields", HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(3));
        Assert.True(took < TimeSpan.FromSeconds(3), $"still accepted {took.TotalSeconds:0.0} s after the revocation");
    }

    [Fact]
    public async Task A_key_created_after_its_prefix_was_refused_works_at_once_and_one_unknown_key_costs_one_read()
    {
        await ListeningAsync();
        var (key, prefix, hash) = ApiKeySecrets.Generate();
        using var client = Factory.Client(key);
        var before = Store.Reads;
        // 64 requests at once with a key nobody has: one database read, then the unknown-prefix cache answers.
        var statuses = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => client.GetAsync("/api/v1/materials")));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s.StatusCode));
        for (var i = 0; i < 20; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/materials")).StatusCode);
        Assert.Equal(1, Store.Reads - before);

        // The key is made (by the CLI, the dashboards or SQL): the insert is announced and the refusal forgotten.
        await using (var db = Database.CreateContext())
        {
            db.ApiKeys.Add(new ApiKey { Name = "made later", Prefix = prefix, SecretHash = hash, Scopes = [ApiScopes.RecordsRead] });
            await db.SaveChangesAsync();
        }
        var took = await UntilAsync(client, "/api/v1/materials", HttpStatusCode.OK, TimeSpan.FromSeconds(3));
        Assert.True(took < TimeSpan.FromSeconds(3), $"the new key was refused for {took.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Unknown_prefixes_fill_a_bounded_cache_of_their_own_and_never_evict_a_known_key()
    {
        await using var data = NpgsqlDataSource.Create(Database.ConnectionString);
        using var store = new ApiKeyStore(data, TimeProvider.System, knownCapacity: 10, unknownCapacity: 50);
        Assert.NotNull(await store.FindValidAsync(W.KeyA, default));
        for (var i = 0; i < 500; i++) Assert.Null(await store.FindValidAsync(ApiKeySecrets.Generate().Key, default));
        Assert.Equal(501, store.Reads);
        Assert.NotNull(await store.FindValidAsync(W.KeyA, default)); // still cached: no read
        Assert.Equal(501, store.Reads);
        Assert.InRange(store.UnknownCount, 1, 50);
    }

    [Theory]
    [InlineData("ava_abcd1234_c2VjcmV0LXNlY3JldC1zZWNyZXQ", "ava_abcd1234")]
    [InlineData("ava_ABCD1234_c2VjcmV0LXNlY3JldC1zZWNyZXQ", null)]       // prefixes are lowercase
    [InlineData("ava_' OR 1=1 --_c2VjcmV0LXNlY3JldC1zZWNyZXQ", null)]   // never looked up, never cached
    [InlineData("ava_abc_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0", null)]   // too short a prefix
    [InlineData("ava_abcd1234abcd1234x_c2VjcmV0LXNlY3JldC1zZWNy", null)] // too long a prefix
    [InlineData("ava_abcd1234c2VjcmV0LXNlY3JldC1zZWNyZXQ", null)]        // no secret part
    [InlineData("ava_abcd1234_", null)]
    public void Only_keys_shaped_like_ours_are_looked_up(string presented, string? prefix) =>
        Assert.Equal(prefix, ApiKeySecrets.PrefixOf(presented));

    [Fact]
    public async Task After_its_connection_is_killed_the_listener_reconnects_and_revocations_work_again()
    {
        using var a = AsA;
        await ListeningAsync();
        // As the services' own role: a role may end its own sessions, and the owner is no member of it (least privilege).
        await SqlAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", ApiKeyListener.ApplicationName,
            Database.ServiceOptions.ToConnectionString());
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/api/v1/farmer/{W.A.Id}/fields")).StatusCode);
        await ListeningAsync();
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/api/v1/farmer/{W.A.Id}/fields")).StatusCode);
        await SqlAsync("UPDATE api_keys SET revoked_at = now() WHERE prefix = $1", ApiKeySecrets.PrefixOf(W.KeyA)!);
        var took = await UntilAsync(a, $"/api/v1/farmer/{W.A.Id}/fields", HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(3));
        Assert.True(took < TimeSpan.FromSeconds(3), $"still accepted {took.TotalSeconds:0.0} s after the revocation");
    }

    /// <summary>Waits (up to 10 s) until this host's listener has a live backend that is LISTENing.</summary>
    private async Task ListeningAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await using var conn = new NpgsqlConnection(Database.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", conn)
                { Parameters = { new() { Value = ApiKeyListener.ApplicationName } } };
            if ((long)(await cmd.ExecuteScalarAsync())! > 0 && Store.Listening) return;
            await Task.Delay(50);
        }
        Assert.Fail("the API key listener did not connect within 10 s");
    }

    private async Task SqlAsync(string sql, string arg, string? connectionString = null)
    {
        await using var conn = new NpgsqlConnection(connectionString ?? Database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { Parameters = { new() { Value = arg } } };
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>How long until the path answers <paramref name="status"/>, polled every 50 ms; <paramref name="within"/> if never.</summary>
    internal static async Task<TimeSpan> UntilAsync(HttpClient client, string path, HttpStatusCode status, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if ((await client.GetAsync(path)).StatusCode == status) return clock.Elapsed;
            await Task.Delay(50);
        }
        return within;
    }
}
