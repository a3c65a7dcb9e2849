using System.Diagnostics;
using AvaOlo.Data;
using AvaOlo.Testing;
using Npgsql;
using Xunit;

namespace AvaOlo.Cli.Tests;

[Collection("database")]
public sealed class MigrateTests(TestDatabase db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Migrate_on_a_current_database_applies_nothing_and_keeps_the_catalogue()
    {
        var first = await CliRun.RunAsync(db.OwnerEnvironment(), "", "migrate");
        var second = await CliRun.RunAsync(db.OwnerEnvironment(), "", "migrate");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("applied 0 migration(s)", second.Err, StringComparison.Ordinal);
        Assert.Equal("", second.Out);
        await using var ctx = db.CreateContext();
        Assert.Equal(1, ctx.Materials.Count(m => m.Name == "Prosaro 250 EC"));
    }

    [Fact]
    public async Task Five_concurrent_migrations_of_a_new_database_all_succeed_and_apply_each_migration_once()
    {
        var options = db.Options with { Name = $"avaolo_test_conc_{Guid.NewGuid():N}" };
        var env = new Dictionary<string, string>(db.OwnerEnvironment()) { ["DB_NAME"] = options.Name };
        try
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => CliRun.RunAsync(env, "", "migrate"))));

            Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.ToString()));
            await using var conn = new NpgsqlConnection(options.ToConnectionString());
            await conn.OpenAsync();
            var applied = await Schema.AppliedMigrationsAsync(conn, default);
            Assert.Equal(Schema.KnownMigrations, applied);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM materials WHERE name = 'Prosaro 250 EC'", conn);
            Assert.Equal(1L, await count.ExecuteScalarAsync());
        }
        finally
        {
            await TestDatabase.DropAsync(options.ToConnectionString("postgres"), options.Name);
        }
    }

    [Fact]
    public async Task The_built_executable_runs_migrate_as_a_real_process()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "avaolo.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("migrate");
        foreach (var (key, value) in db.OwnerEnvironment()) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{stdout}\n{await stderr}");
        Assert.Contains("schema is current", await stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_DB_HOST_is_exit_2_with_one_line_naming_it()
    {
        var env = new Dictionary<string, string>(db.Environment());
        env.Remove("DB_HOST");

        var run = await CliRun.RunAsync(env, "", "migrate");

        Assert.Equal(ExitCodes.InvalidSettings, run.ExitCode);
        var line = Assert.Single(run.ErrLines);
        Assert.Contains("DB_HOST", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_database_is_exit_3_with_host_and_port_but_never_the_password()
    {
        var env = new Dictionary<string, string>(db.Environment()) { ["DB_PORT"] = "1", ["DB_PASSWORD"] = "s3cret-never-shown" };

        var run = await CliRun.RunAsync(env, "", "seed", "--farmers", "10");

        Assert.Equal(ExitCodes.DatabaseUnreachable, run.ExitCode);
        var line = Assert.Single(run.ErrLines);
        Assert.Contains($"{db.Options.Host}:1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", run.Err + run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string>(), "", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "migrate", "seed", "create-user", "create-api-key", "demo-credentials", "whatsapp" })
            Assert.Contains(command, run.Out, StringComparison.Ordinal);
        var seedHelp = await CliRun.RunAsync(new Dictionary<string, string>(), "", "seed", "--help");
        Assert.Contains("--if-empty", seedHelp.Out, StringComparison.Ordinal);
    }
}
