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
