using AvaOlo.ServiceDefaults;
using AvaOlo.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AvaOlo.Data.Hosting;

public static class DatabaseRegistration
{
    /// <summary>
    /// DB_* bound and validated at start; the data source, the DbContext, the probe and the "database" health check.
    /// Nothing connects here: the first connection is opened by the first request or health probe, after the host is
    /// listening, so a slow database cannot hang start-up.
    /// </summary>
    public static IServiceCollection AddAvaOloDatabase(this IServiceCollection services)
    {
        services.AddSettings<DatabaseOptions>(o => o.Validate());
        services.AddSingleton(sp => new DatabaseDataSources(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, builder =>
        {
            // Statements used again and again (the records reads, the key lookup) are prepared once per connection,
            // so PostgreSQL does not parse and plan them on every request.
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }));
        services.AddSingleton(sp => sp.GetRequiredService<DatabaseDataSources>().DataSource);
        services.AddScoped<AuditActor>();
        // The options are built once (they depend only on the singleton data source), not for every request's context.
        services.AddDbContext<AvaOloDbContext>((sp, o) => o.UseAvaOloNpgsql(sp.GetRequiredService<NpgsqlDataSource>()),
            ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddSingleton<DatabaseProbe>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name);
        // An outage is already logged by the requests it fails and counted in DbConnectionErrors; the health check
        // service would add an error line for every probe (every 10 s per instance) while it lasts.
        services.AddLogging(b => b.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.None));
        services.AddSingleton<IRollupStore, RollupStore>();
        services.AddRolledUpMetrics(DatabaseMetrics.QueryTime, DatabaseMetrics.ConnectionErrors);
        return services;
    }
}
