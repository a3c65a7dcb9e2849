using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.Data;

public static class DbContextOptionsExtensions
{
    /// <summary>The one place our EF conventions are set: snake_case names, retries for transient faults off.</summary>
    public static DbContextOptionsBuilder UseAvaOloNpgsql(this DbContextOptionsBuilder builder, DbConnection connection) =>
        builder.UseNpgsql(connection, o => o.MigrationsAssembly(typeof(AvaOloDbContext).Assembly.GetName().Name)).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder UseAvaOloNpgsql(this DbContextOptionsBuilder builder, Npgsql.NpgsqlDataSource dataSource) =>
        builder.UseNpgsql(dataSource, o => o.MigrationsAssembly(typeof(AvaOloDbContext).Assembly.GetName().Name)).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder<AvaOloDbContext> UseAvaOloNpgsql(this DbContextOptionsBuilder<AvaOloDbContext> builder, DbConnection connection)
    {
        ((DbContextOptionsBuilder)builder).UseAvaOloNpgsql(connection);
        return builder;
    }
}
