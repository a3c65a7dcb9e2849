using Microsoft.EntityFrameworkCore.Migrations;

namespace AvaOlo.Data;

/// <summary>
/// Expand/contract. Migrations only add (an old build keeps serving a database a new build has migrated); removing a
/// table or column the previous release used is a separate *contract* migration, shipped a release after the expand
/// that stopped using it, marked <see cref="ContractStepAttribute"/>. A contract step also records in schema_floor the
/// expand migration a build must know to serve: builds older than that refuse (their schema is gone), newer ones serve.
/// MigrationRulesTests fails any other migration that drops, renames or narrows.
/// </summary>
public static class SchemaFloor
{
    public const string Table = "schema_floor";

    /// <summary>In a contract migration's Up: builds that do not know <paramref name="expandMigrationId"/> may no longer serve.</summary>
    public static void RequireBuildsWith(this MigrationBuilder migrations, string contractMigrationId, string expandMigrationId) =>
        migrations.Sql($"INSERT INTO {Table} (contract_migration, requires_migration) VALUES ('{contractMigrationId}', '{expandMigrationId}')");
}

/// <summary>Marks a migration that removes what an earlier expand (<see cref="ExpandMigrationId"/>) made unused.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ContractStepAttribute(string expandMigrationId) : Attribute
{
    public string ExpandMigrationId { get; } = expandMigrationId;
}
