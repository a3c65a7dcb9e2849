using System.CommandLine;
using System.Diagnostics;
using AvaOlo.Cli.Seeding;
using AvaOlo.Data;
using Npgsql;

namespace AvaOlo.Cli.Commands;

/// <summary>
/// `avaolo seed`: deterministic multi-country demo data, always starting with the PRODUCT.md test farmers.
/// The bulk rows bypass the per-change audit trail on purpose: this is an initial load, not a change made by
/// anyone, and one audit_log row records the load as a whole.
/// </summary>
internal static class SeedCommand
{
    private const int BatchSize = 1000;
    /// <summary>"AVASEED" in ASCII: two seeds started together must not both decide the table is empty.</summary>
    private const long SeedLockKey = 0x41564153454544;

    public static Command Create(CliContext ctx)
    {
        var farmers = new Option<int>("--farmers") { Description = "How many farmers in total, including the 6 fixed test farmers", DefaultValueFactory = _ => 1000 };
        var ifEmpty = new Option<bool>("--if-empty") { Description = "Do nothing (exit 0) when the farmers table already has rows" };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same --farmers and --seed give the same data (on the same day)", DefaultValueFactory = _ => 42 };
        var command = new Command("seed", "Load realistic, deterministic demo data: the PRODUCT.md test farmers first, then farmers across many countries.")
        {
            farmers, ifEmpty, seed,
        };
        command.SetAction((parse, ct) => ctx.RunAsync(async (options, token) =>
        {
            var count = parse.GetValue(farmers);
            if (count is < 1 or > 1_000_000)
                throw new CliException(ExitCodes.InvalidInput, "--farmers must be between 1 and 1000000");
            await using var dataSource = CliContext.OpenDataSource(options);
            await CliContext.RequireCurrentSchemaAsync(dataSource, token);
            // The six test farmers are always there, so fewer than six still gives six.
            return await SeedAsync(ctx, dataSource, Math.Max(count, FixedFarmers.Phones.Length), parse.GetValue(seed), parse.GetValue(ifEmpty), token);
        }, ct));
        return command;
    }

    private static async Task<int> SeedAsync(CliContext ctx, NpgsqlDataSource dataSource, int total, int seed, bool ifEmpty, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var now = ctx.Clock.GetUtcNow();
        await using (var db = ctx.CreateContext(dataSource)) await ReferenceData.EnsureAsync(db, ct);

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Exec(conn, $"SELECT pg_advisory_xact_lock({SeedLockKey})", ct);
        var existing = await Scalar<long>(conn, "SELECT count(*) FROM farmers", ct);
        if (existing > 0)
        {
            if (ifEmpty)
            {
                ctx.Progress($"seed: the database already has {existing} farmer(s); --if-empty, so nothing to do");
                return ExitCodes.Ok;
            }
            throw new CliException(ExitCodes.AlreadyExists,
                $"the database already has {existing} farmer(s); seed only loads into an empty database (use --if-empty to skip quietly)");
        }

        var materials = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("SELECT name, id FROM materials", conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) materials[reader.GetString(0)] = reader.GetInt32(1);

        var random = new Random(seed);
        var clock = new SeedClock(random, DateOnly.FromDateTime(now.UtcDateTime));
        var phones = new PhoneFactory(random);
        foreach (var phone in FixedFarmers.Phones) phones.Reserve(phone);
        var generator = new FarmGenerator(clock, phones);

        ctx.Progress($"seed: {total} farmers (seed {seed}, as of {clock.Today:yyyy-MM-dd})");
        var counts = new long[6];
        for (var done = 0; done < total;)
        {
            var batch = new SeedBatch { MaterialIds = materials };
            if (done == 0) FixedFarmers.AddTo(batch, clock);
            while (batch.Farmers.Count < BatchSize && done + batch.Farmers.Count < total) generator.AddFarmer(batch);
            await SeedWriter.WriteAsync(conn, batch, ct);
            done += batch.Farmers.Count;
            long[] added = [batch.Farmers.Count, batch.Fields.Count, batch.Plantings.Count, batch.Tasks.Count, batch.TaskFields.Count, batch.TaskMaterials.Count];
            for (var i = 0; i < counts.Length; i++) counts[i] += added[i];
            ctx.Progress($"seed: {done}/{total} farmers ({started.Elapsed.TotalSeconds:0.0} s)");
        }

        await using (var audit = new NpgsqlCommand(
            "INSERT INTO audit_log (at, actor_type, actor_name, entity_type, entity_id, action, after) VALUES ($1, 'cli', 'avaolo seed', 'seed', $2, 'create', $3::jsonb)", conn))
        {
            audit.Parameters.Add(new() { Value = now });
            audit.Parameters.Add(new() { Value = $"seed-{seed}" });
            audit.Parameters.Add(new()
            {
                Value = System.Text.Json.JsonSerializer.Serialize(new
                {
                    seed, as_of = clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    farmers = counts[0], fields = counts[1], plantings = counts[2], tasks = counts[3], task_fields = counts[4], task_materials = counts[5],
                    note = "bulk initial load; individual rows are not in the audit trail",
                }),
            });
            await audit.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        ctx.Progress($"seed: done in {started.Elapsed.TotalSeconds:0.0} s: {counts[0]} farmers, {counts[1]} fields, {counts[2]} plantings, " +
            $"{counts[3]} tasks ({counts[4]} task fields, {counts[5]} task materials)");
        return ExitCodes.Ok;
    }

    private static async Task Exec(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
