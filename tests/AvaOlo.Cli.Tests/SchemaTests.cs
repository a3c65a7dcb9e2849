using AvaOlo.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace AvaOlo.Cli.Tests;

public sealed class SchemaTests
{
    [Fact]
    public void Known_migrations_read_from_attributes_are_the_ones_EF_applies()
    {
        var options = new DbContextOptionsBuilder<AvaOloDbContext>().UseNpgsql("Host=unused").Options;
        using var db = new AvaOloDbContext(options);
        var ef = db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(ef);
        Assert.Equal(ef, Schema.KnownMigrations);
        Assert.Equal(ef[^1], Schema.ExpectedVersion);
    }
}

public sealed class SchemaCompareTests
{
    private static readonly string[] Known = ["1_A", "2_B", "3_C"];

    [Theory]
    [InlineData("1_A,2_B,3_C", "", "Current")]
    [InlineData("1_A,2_B,3_C,4_D", "", "Ahead")]          // a newer build migrated: keep serving
    [InlineData("1_A,2_B,3_C,4_D,5_E", "3_C", "Ahead")]   // a contract step whose floor this build knows
    [InlineData("1_A,2_B,3_C,4_D,5_E", "4_D", "TooOld")]  // ... and one whose floor it does not
    [InlineData("1_A,2_B", "", "Behind")]
    [InlineData("1_A,2_B,4_D", "", "Behind")]             // missing one of ours, even with newer ones present
    [InlineData("", "", "Behind")]
    public void A_build_serves_a_database_that_has_all_its_migrations_unless_a_contract_step_forbids_it(string applied, string floors, string state)
    {
        var status = Schema.Compare(Split(applied), Known, Split(floors));
        Assert.Equal(Enum.Parse<SchemaState>(state), status.State);
        Assert.Equal(state is "Current" or "Ahead", status.CanServe);
    }

    private static string[] Split(string s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
