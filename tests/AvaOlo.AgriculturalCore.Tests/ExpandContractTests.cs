using System.Net;
using AvaOlo.Data;
using AvaOlo.Testing;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Tests;

/// <summary>
/// A deploy that migrates: the running (old) build keeps serving while the next release's migration adds a table and a
/// column, with no 5xx; it refuses only once a contract step says builds without a newer migration may not serve.
/// </summary>
public sealed class ExpandContractTests(TestDatabase database, Xunit.Abstractions.ITestOutputHelper output) : ApiTestBase(database)
{
    // The load is one farmer's, far past a real farmer's minute: the per-farmer limit is not what this test is about.
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["RATE_LIMIT_PER_FARMER_PER_MINUTE"] = "1000000" };

    private const string NextRelease = "29990101000000_NextRelease";
    private const string NextContract = "29990201000000_NextContract";

    [Fact]
    public async Task The_old_build_serves_under_load_while_the_next_release_migrates_and_refuses_only_after_a_contract_step()
    {
        using var cts = new CancellationTokenSource();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        async Task LoadAsync(int worker)
        {
            using var client = Factory.Client(W.KeyA);
            for (var i = 0; !cts.IsCancellationRequested; i++)
            {
                statuses.Add((await client.GetAsync($"/api/v1/farmer/{W.A.Id}/fields")).StatusCode);
                statuses.Add((await client.Post($"/api/v1/farmer/{W.A.Id}/tasks", new { type = "tillage", status = "planned", due_on = "2027-03-01", field_ids = new[] { W.FieldA.Id }, notes = $"load {worker}.{i}" })).StatusCode);
            }
        }
        var load = Enumerable.Range(0, 4).Select(LoadAsync).ToArray();
        try
        {
            // Load by count, not by time: alone and cold (bench/faults.sh) at load 20, half a second was 8 requests.
            await UntilAsync(() => statuses.Count >= 12);
            // What `avaolo migrate` of the next release does, in one transaction, as the owner.
            await OwnerSqlAsync($"""
                BEGIN;
                CREATE TABLE next_release_notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, field_id integer REFERENCES fields (id), note text);
                ALTER TABLE fields ADD COLUMN soil_type text;
                INSERT INTO "__EFMigrationsHistory" (migration_id, product_version) VALUES ('{NextRelease}', '10.0.0');
                COMMIT;
                """);
            var health = await UntilSchemaStateAsync("ahead");
            Assert.Equal(Schema.ExpectedVersion, Schema.KnownMigrations[^1]);
            Assert.Contains(NextRelease, health, StringComparison.Ordinal);
            var atMigration = statuses.Count;
            await UntilAsync(() => statuses.Count >= atMigration + 12); // more load on the migrated schema
        }
        finally
        {
            await cts.CancelAsync();
            await Task.WhenAll(load);
        }
        // The measured line bench/faults.sh puts in bench/results/faults.md.
        output.WriteLine($"figures: {statuses.Count} requests (4 clients, reads and writes) while the next release's migration added a table and a column: " +
            string.Join(", ", statuses.GroupBy(s => (int)s).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")) + "; /health said the schema was ahead");
        Assert.True(statuses.Count > 20, $"only {statuses.Count} requests ran");
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Created, $"a request got {(int)s}"));

        try
        {
            // The release after: a contract step that needs builds knowing NextRelease. This build does not: it refuses.
            await OwnerSqlAsync($"""
                INSERT INTO "__EFMigrationsHistory" (migration_id, product_version) VALUES ('{NextContract}', '10.0.0');
                INSERT INTO schema_floor (contract_migration, requires_migration) VALUES ('{NextContract}', '{NextRelease}');
                """);
            await UntilSchemaStateAsync("too_old", HttpStatusCode.ServiceUnavailable);
            var refused = await HttpAssert.Problem(await Factory.Client(W.KeyA).GetAsync($"/api/v1/farmer/{W.A.Id}/fields"), HttpStatusCode.ServiceUnavailable);
            Assert.Contains("deploy a newer build", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
            output.WriteLine("figures: after a contract step that needs the next release, this build refuses /api with 503 (deploy a newer build)");
        }
        finally
        {
            await OwnerSqlAsync($"""
                DELETE FROM schema_floor;
                DELETE FROM "__EFMigrationsHistory" WHERE migration_id IN ('{NextRelease}', '{NextContract}');
                DROP TABLE IF EXISTS next_release_notes;
                ALTER TABLE fields DROP COLUMN IF EXISTS soil_type;
                """);
        }
        await UntilSchemaStateAsync("current");
    }

    private static async Task UntilAsync(Func<bool> done)
    {
        for (var waited = 0; waited < 300 && !done(); waited++) await Task.Delay(100);
    }

    private async Task OwnerSqlAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(Database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Polls /health (its probe caches briefly) until the schema state is <paramref name="state"/>; returns the body.</summary>
    private async Task<string> UntilSchemaStateAsync(string state, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var client = Factory.Client();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync("/health");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == status && body.Contains($"\"schema_state\":\"{state}\"", StringComparison.Ordinal)) return body;
            Assert.True(DateTime.UtcNow < until, $"/health never said {state}: {(int)response.StatusCode} {body}");
            await Task.Delay(200);
        }
    }
}
