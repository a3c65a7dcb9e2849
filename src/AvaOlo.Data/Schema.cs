using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace AvaOlo.Data;

/// <summary>What this build knows of the schema, and what a database actually has.</summary>
public static class Schema
{
    /// <summary>Ids of the migrations compiled into this build, oldest first.</summary>
    public static IReadOnlyList<string> KnownMigrations { get; } = LoadKnownMigrations();

    /// <summary>The schema version this build serves: its newest migration id.</summary>
    public static string ExpectedVersion => KnownMigrations[^1];

    // The [Migration] attributes of this assembly's migrations for our context: what EF's IMigrationsAssembly lists, read
    // without building an EF service provider, which costs a service a noticeable share of its start-up at a quarter CPU.
    // (SchemaTests checks that the two lists agree.)
    private static List<string> LoadKnownMigrations() =>
        typeof(AvaOloDbContext).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract
                && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(AvaOloDbContext))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Migrations applied to the database, oldest first; empty when the history table is missing.</summary>
    public static async Task<List<string>> AppliedMigrationsAsync(NpgsqlConnection conn, CancellationToken ct) =>
        (await ReadAsync(conn, ct)).Applied;

    /// <summary>The applied migrations and the floors contract steps have set (<see cref="SchemaFloor"/>), in one round trip.</summary>
    public static async Task<(List<string> Applied, List<string> Floors)> ReadAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            SELECT to_regclass('"__EFMigrationsHistory"') IS NOT NULL, to_regclass('{SchemaFloor.Table}') IS NOT NULL
            """, conn);
        bool history, floors;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (history, floors) = (reader.GetBoolean(0), reader.GetBoolean(1));
        }
        if (!history) return ([], []);
        var sql = "SELECT 'm', migration_id FROM \"__EFMigrationsHistory\"" +
            (floors ? $" UNION ALL SELECT 'f', requires_migration FROM {SchemaFloor.Table}" : "");
        var (applied, required) = (new List<string>(), new List<string>());
        await using var read = new NpgsqlCommand(sql, conn);
        await using var rows = await read.ExecuteReaderAsync(ct);
        while (await rows.ReadAsync(ct)) (rows.GetString(0) == "m" ? applied : required).Add(rows.GetString(1));
        applied.Sort(StringComparer.Ordinal);
        return (applied, required);
    }

    /// <summary>
    /// Pure comparison of the applied and known migration lists, expand/contract style: a build serves a database
    /// that has every migration it knows, newer ones included (they only add), unless a contract step among them
    /// requires a build that knows a migration this one does not (<paramref name="floors"/>).
    /// </summary>
    public static SchemaStatus Compare(IReadOnlyList<string> applied, IReadOnlyList<string> known, IReadOnlyList<string>? floors = null)
    {
        var current = applied.Count == 0 ? null : applied[^1];
        var missing = known.Except(applied, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            return new(SchemaState.Behind, current, $"the database lacks {missing.Count} migration(s), newest {missing[^1]}; run `avaolo migrate`");
        var tooOld = (floors ?? []).Where(f => !known.Contains(f, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (tooOld.Count > 0)
            return new(SchemaState.TooOld, current,
                $"a contract step removed what builds without migration {tooOld[^1]} use; deploy a newer build");
        var newer = applied.Except(known, StringComparer.Ordinal).ToList();
        if (newer.Count > 0)
            return new(SchemaState.Ahead, current,
                $"the database is ahead of this build by {newer.Count} migration(s), newest {newer[^1]}: served, as expand/contract allows");
        return new(SchemaState.Current, current, "schema is current");
    }
}

/// <summary>
/// Current: exactly this build's migrations. Ahead: those and newer ones (a newer build migrated; this one keeps
/// serving). Behind: a migration of this build is missing. TooOld: a newer build's contract step removed something
/// this build still uses.
/// </summary>
public enum SchemaState { Current, Ahead, Behind, TooOld }

public sealed record SchemaStatus(SchemaState State, string? Version, string Reason)
{
    public bool CanServe => State is SchemaState.Current or SchemaState.Ahead;
}
