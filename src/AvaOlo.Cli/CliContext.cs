using AvaOlo.Data;
using AvaOlo.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AvaOlo.Cli;

/// <summary>What every command gets: its output streams, its environment, the clock, and one error policy.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr, TextReader stdin, Func<string, string?> env, TimeProvider clock)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Err { get; } = stderr;
    public TextReader In { get; } = stdin;
    public Func<string, string?> Env { get; } = env;
    public TimeProvider Clock { get; } = clock;

    public static readonly AuditActor Actor = new() { Type = "cli", Name = "avaolo" };

    /// <summary>Progress and diagnostics go to stderr so that stdout carries only results.</summary>
    public void Progress(string line) => Err.WriteLine(line);

    /// <summary>Validates the settings, runs the command, and turns expected failures into one line and an exit code.</summary>
    public async Task<int> RunAsync(Func<DatabaseOptions, CancellationToken, Task<int>> action, CancellationToken ct)
    {
        var (options, errors) = Settings.Read<DatabaseOptions>(Env, o => o.Validate());
        if (errors.Count > 0)
        {
            Err.WriteLine($"avaolo: invalid settings: {string.Join("; ", errors)}");
            return ExitCodes.InvalidSettings;
        }
        try
        {
            return await action(options, ct);
        }
        catch (CliException e)
        {
            Err.WriteLine($"avaolo: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Err.WriteLine("avaolo: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (DatabaseErrors.Describe(e, options) is { } failure)
        {
            Err.WriteLine($"avaolo: {failure.Message}");
            return failure.ExitCode;
        }
    }

    // Several hosts: the primary among them (DB_TARGET_SESSION_ATTRIBUTES). The command exits right after, pools and all.
    public static NpgsqlDataSource OpenDataSource(DatabaseOptions options) => new AvaOlo.Data.Hosting.DatabaseDataSources(options).DataSource;

    public AvaOloDbContext CreateContext(NpgsqlDataSource dataSource)
    {
        var builder = new DbContextOptionsBuilder<AvaOloDbContext>();
        builder.UseAvaOloNpgsql(dataSource);
        return new AvaOloDbContext(builder.Options, Actor, Clock);
    }

    /// <summary>Refuses to touch a database whose schema this build does not match.</summary>
    public static async Task RequireCurrentSchemaAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var (applied, floors) = await Schema.ReadAsync(conn, ct);
        var status = Schema.Compare(applied, Schema.KnownMigrations, floors);
        if (!status.CanServe)
            throw new CliException(ExitCodes.SchemaNotCurrent, $"the database schema is not current: {status.Reason}");
    }
}
