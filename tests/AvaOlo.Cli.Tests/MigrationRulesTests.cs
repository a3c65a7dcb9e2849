using System.Reflection;
using System.Text.RegularExpressions;
using AvaOlo.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Xunit;

namespace AvaOlo.Cli.Tests;

/// <summary>
/// Expand/contract (see SchemaFloor): a migration only adds, so the build before it keeps serving while it is applied.
/// Dropping or renaming a table or column is allowed only in a migration marked [ContractStep], which must also set
/// the schema floor. The migrations listed in BeforeTheRule shipped before it existed and are exempt.
/// </summary>
public sealed partial class MigrationRulesTests
{
    /// <summary>Shipped before the rule existed (some of them drop what an older build used). Never add to this list.</summary>
    private static readonly HashSet<string> BeforeTheRule = new(StringComparer.Ordinal)
    {
        "20261129054355_InitialSchema", "20261129055901_AssistantConversations", "20261129060338_TelemetryAndDashboards",
        "20261129064922_CropNames", "20261206083013_WhatsAppChannel", "20261206083153_DashboardSessionsAndKeyRing",
        "20261206085642_TelemetryRollupsPerMetric", "20261206095827_ApiKeyChangeNotify", "20261206112541_DataRights",
        "20261206114552_AssistantTrust",
    };

    public static TheoryData<string> Migrations() => [.. Schema.KnownMigrations.Where(id => !BeforeTheRule.Contains(id))];

    [Fact]
    public void The_rule_has_migrations_to_check()
    {
        Assert.Contains("20261206130015_ExpandContract", Schema.KnownMigrations); // the first one under the rule
        Assert.NotEmpty(Migrations());
    }

    [Theory]
    [MemberData(nameof(Migrations))]
    public void A_migration_only_adds_unless_it_is_a_contract_step(string id)
    {
        var (migration, contract) = Load(id);
        var removals = Removals(migration.UpOperations).ToList();
        if (contract is null)
        {
            Assert.True(removals.Count == 0, $"{id} removes {string.Join(", ", removals)}: the build before it may still use them. " +
                "Ship the removal a release later as a [ContractStep] migration (see SchemaFloor)");
            return;
        }
        Assert.Contains(contract.ExpandMigrationId, Schema.KnownMigrations);
        Assert.Contains(migration.UpOperations.OfType<SqlOperation>(), op => op.Sql.Contains(SchemaFloor.Table, StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_sees_each_kind_of_removal()
    {
        var builder = new MigrationBuilder("Npgsql.EntityFrameworkCore.PostgreSQL");
        builder.DropTable("fields");
        builder.DropColumn("notes", "tasks");
        builder.RenameColumn("name", "farmers", "full_name");
        builder.RenameTable("plantings", newName: "crops_planted");
        builder.Sql("ALTER TABLE fields DROP COLUMN notes");
        builder.Sql("DROP TABLE IF EXISTS old_things");
        builder.Sql("ALTER TABLE tasks RENAME COLUMN notes TO remarks");
        builder.Sql("CREATE INDEX ix ON tasks (notes); DROP FUNCTION IF EXISTS f()"); // not a removal of data
        builder.AddColumn<string>("soil", "fields", nullable: true);
        Assert.Equal(7, Removals(builder.Operations).Count());
    }

    private static IEnumerable<string> Removals(IReadOnlyList<MigrationOperation> operations)
    {
        foreach (var op in operations)
        {
            switch (op)
            {
                case DropTableOperation t: yield return $"table {t.Name}"; break;
                case DropColumnOperation c: yield return $"column {c.Table}.{c.Name}"; break;
                case RenameTableOperation t: yield return $"table {t.Name} (renamed)"; break;
                case RenameColumnOperation c: yield return $"column {c.Table}.{c.Name} (renamed)"; break;
                case SqlOperation sql:
                    foreach (Match m in RemovalSql().Matches(sql.Sql)) yield return $"SQL \"{m.Value}\"";
                    break;
            }
        }
    }

    [GeneratedRegex(@"\bDROP\s+(TABLE|COLUMN)\b|\bRENAME\s+(COLUMN\s+\w+\s+)?TO\b|\bRENAME\s+COLUMN\b", RegexOptions.IgnoreCase)]
    private static partial Regex RemovalSql();

    private static (Migration Migration, ContractStepAttribute? Contract) Load(string id)
    {
        var options = new DbContextOptionsBuilder<AvaOloDbContext>().UseNpgsql("Host=unused").Options;
        using var db = new AvaOloDbContext(options);
        var assembly = db.GetService<IMigrationsAssembly>();
        var type = assembly.Migrations[id];
        var migration = assembly.CreateMigration(type, "Npgsql.EntityFrameworkCore.PostgreSQL");
        return (migration, type.GetCustomAttribute<ContractStepAttribute>());
    }
}
