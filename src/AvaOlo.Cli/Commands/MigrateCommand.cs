using System.CommandLine;
using AvaOlo.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AvaOlo.Cli.Commands;

/// <summary>`avaolo migrate`: the one owner of schema changes. Safe to run from many instances at once.</summary>
internal static class MigrateCommand
{
    /// <summary>"AVAREF" in ASCII; distinct from the migrator's own lock.</summary>
    private const long ReferenceDataLockKey = 0x415641524546;

    public static Command Create(CliContext ctx)
    {
        var command = new Command("migrate",
            "Create the database if missing, apply pending migrations under an advisory lock, and upsert the " +
            "reference catalogue (Prosaro 250 EC, fertilisers…). Idempotent: a second run applies nothing.");
        command.SetAction((parse, ct) => ctx.RunAsync(async (options, token) =>
        {
            ctx.Progress($"migrating {options}");
            var result = await MigrateWithRetryAsync(ctx, options, token);

            await using var dataSource = CliContext.OpenDataSource(options);
            await using var db = ctx.CreateContext(dataSource);
            // The migrator's lock is released by now: serialise the catalogue upsert too, or two instances
            // starting together would both insert "Prosaro 250 EC" and one would fail on the unique name.
            await using var tx = await db.Database.BeginTransactionAsync(token);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ReferenceDataLockKey})", token);
            var changed = await ReferenceData.EnsureAsync(db, token);
            await tx.CommitAsync(token);
            ctx.Progress($"reference catalogue upserted ({changed} row(s) saved)");
            ctx.Progress($"done: schema {result.SchemaVersion}, applied {result.Applied} migration(s), {result.AlreadyApplied} already applied");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static async Task<MigrationResult> MigrateWithRetryAsync(CliContext ctx, DatabaseOptions options, CancellationToken ct)
    {
        try
        {
            return await Migrator.MigrateAsync(options, ctx.Progress, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "pg_database_datname_index")
        {
            // Two instances raced to CREATE DATABASE; PostgreSQL reports the loser as a catalogue unique violation
            // rather than 42P04, which the migrator expects. The database exists now: run again.
            ctx.Progress("another instance created the database at the same time; continuing");
            return await Migrator.MigrateAsync(options, ctx.Progress, ct);
        }
        catch (InvalidOperationException e) when (e.InnerException is null && e.Message.Contains("does not know", StringComparison.Ordinal))
        {
            throw new CliException(ExitCodes.SchemaNotCurrent, e.Message);
        }
    }
}
