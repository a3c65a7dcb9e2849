using AvaOlo.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AvaOlo.ServiceDefaults;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers the data source and DbContext. Nothing connects here: the first connection is opened by the
    /// first request or health probe, after the host is listening, so a slow database cannot hang start-up.
    /// </summary>
    public static IServiceCollection AddAvaOloDatabase(this IServiceCollection services, IConfiguration config)
    {
        // DatabaseOptions reads the operators' flat names (DB_HOST…), so it gets its own factory; ValidateOnStart
        // makes a bad setting stop the host before it listens.
        services.AddSingleton<IOptionsFactory<DatabaseOptions>>(new DatabaseOptionsFactory(config));
        services.AddOptions<DatabaseOptions>().ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var builder = new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ToConnectionString());
            // Statements used again and again (the records reads, the key lookup) are prepared once per connection,
            // so PostgreSQL does not parse and plan them on every request.
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            return builder.Build();
        });
        services.AddScoped<AuditActor>();
        // The options are built once (they depend only on the singleton data source), not for every request's context.
        services.AddDbContext<AvaOloDbContext>((sp, o) => o.UseAvaOloNpgsql(sp.GetRequiredService<NpgsqlDataSource>()),
            ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddSingleton<DatabaseProbe>();
        return services;
    }

    private sealed class DatabaseOptionsFactory(IConfiguration config) : IOptionsFactory<DatabaseOptions>
    {
        public DatabaseOptions Create(string name)
        {
            var options = DatabaseOptions.FromConfiguration(k => config[k]);
            var errors = options.Validate();
            if (errors.Count > 0) throw new OptionsValidationException(name, typeof(DatabaseOptions), errors);
            return options;
        }
    }
}
