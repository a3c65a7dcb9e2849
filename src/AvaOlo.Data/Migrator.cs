using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace AvaOlo.Data;

/// <summary>
/// Creates the database when missing and applies migrations under a PostgreSQL advisory lock, so that 25
/// instances (or deploy jobs) started together apply each migration exactly once and the rest wait.
/// </summary>
public static class Migrator
{
    /// <summary>Arbitrary but fixed: "AVAOLO" in ASCII. Every migrator takes the same lock.</summary>
    private const long LockKey = 0x4156414F4C4F;

    /// <param name="serviceRole">The services' login (DB_APP_USER): granted exactly DML once the schema is current; null grants nothing.</param>
    public static async Task<MigrationResult> MigrateAsync(DatabaseOptions options, Action<string> progress, CancellationToken ct, ServiceRole? serviceRole = null)
    {
        await EnsureDatabaseAsync(options, progress, ct);

        await using var conn = new NpgsqlConnection(options.ToConnectionString());
        await conn.OpenAsync(ct);
        progress("waiting for the migration lock");
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", conn))
            await lockCmd.ExecuteNonQueryAsync(ct);
        try
        {
            var (before, floors) = await Schema.ReadAsync(conn, ct);
            var status = Schema.Compare(before, Schema.KnownMigrations, floors);
            // An older build's migrate against a newer database (a rollback) applies nothing and succeeds; only a
            // database a contract step has moved past this build is refused.
            if (status.State == SchemaState.TooOld) throw new InvalidOperationException(status.Reason);
            if (status.State == SchemaState.Ahead) progress(status.Reason);

            var pending = Schema.KnownMigrations.Except(before, StringComparer.Ordinal).ToList();

            // The migrations and the reference catalogue are applied on the connection that holds the lock.
            var dbOptions = new DbContextOptionsBuilder<AvaOloDbContext>().UseAvaOloNpgsql(conn).Options;
            await using var db = new AvaOloDbContext(dbOptions);
            var migrator = db.GetService<IMigrator>();
            foreach (var id in pending)
            {
                progress($"applying {id}");
                await migrator.MigrateAsync(id, ct);
            }
            var saved = await ReferenceData.EnsureAsync(db, ct);
            if (serviceRole is not null) await ServiceRoleGrants.EnsureAsync(conn, options, serviceRole, progress, ct);
            progress($"schema is current ({Schema.ExpectedVersion}); applied {pending.Count} migration(s); reference catalogue: {saved} row(s) updated");
            return new(before.Count, pending.Count, Schema.ExpectedVersion);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", conn);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>CREATE DATABASE when it does not exist; needs CREATEDB, which a managed database may not grant.</summary>
    private static async Task EnsureDatabaseAsync(DatabaseOptions options, Action<string> progress, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(options.ToConnectionString("postgres"));
        try
        {
            await conn.OpenAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.InsufficientPrivilege)
        {
            return; // no maintenance database we may use: assume the target exists, the next step will say if not
        }
        await using var check = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = options.Name } } };
        if (await check.ExecuteScalarAsync(ct) is not null) return;
        progress($"creating database {options.Name}");
        var quoted = "\"" + options.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", conn);
        try { await create.ExecuteNonQueryAsync(ct); }
        // Another instance won the race: PostgreSQL reports it as 42P04, or as a unique violation on the catalogue.
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase
            || (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "pg_database_datname_index")) { }
    }
}

public sealed record MigrationResult(int AlreadyApplied, int Applied, string SchemaVersion);
