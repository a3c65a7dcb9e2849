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
    public static async Task<List<string>> AppliedMigrationsAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL", conn);
        if (!(bool)(await exists.ExecuteScalarAsync(ct))!) return [];
        await using var cmd = new NpgsqlCommand("SELECT migration_id FROM \"__EFMigrationsHistory\" ORDER BY migration_id", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var applied = new List<string>();
        while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
        return applied;
    }

    /// <summary>Pure comparison of the applied and known migration lists.</summary>
    public static SchemaStatus Compare(IReadOnlyList<string> applied, IReadOnlyList<string> known)
    {
        var current = applied.Count == 0 ? null : applied[^1];
        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            return new(SchemaState.Unknown, current, $"the database has migrations this build does not know ({string.Join(", ", unknown)}); deploy a newer build");
        var missing = known.Except(applied, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            return new(SchemaState.Behind, current, $"the database lacks {missing.Count} migration(s), newest {missing[^1]}; run `avaolo migrate`");
        return new(SchemaState.Current, current, "schema is current");
    }
}

public enum SchemaState { Current, Behind, Unknown }

public sealed record SchemaStatus(SchemaState State, string? Version, string Reason)
{
    public bool CanServe => State == SchemaState.Current;
}
