using AvaOlo.Data;
using AvaOlo.Data.Configurations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Auth;

/// <summary>
/// The data-protection key ring (it encrypts the sign-in cookie and the antiforgery tokens) lives in PostgreSQL's
/// data_protection_keys table, so every instance reads the same keys and a deploy does not sign anyone out.
/// Each instance caches the ring and keeps using it through a database outage; only an instance that starts during
/// an outage has no keys until the database answers (the login page says so).
/// </summary>
public static class KeyRing
{
    public const string ApplicationName = "ava-olo-monitoring-dashboards";

    public static void AddDashboardKeyRing(this IServiceCollection services)
    {
        services.AddDbContext<KeyRingDbContext>((sp, o) => o.UseAvaOloNpgsql(sp.GetRequiredService<NpgsqlDataSource>()),
            ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<KeyRingDbContext>();
    }

    /// <summary>
    /// The framework loads the ring in a hosted service before Kestrel listens. From the database that would open a
    /// connection at start-up, which a slow database could hang; without it the ring loads at its first use. Call this
    /// after every other registration: AddRazorPages, AddAntiforgery and the like add the hosted service again.
    /// </summary>
    public static void LoadKeyRingOnFirstUse(this IServiceCollection services) =>
        services.RemoveWhere<IHostedService>(d => d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService");

    private static void RemoveWhere<T>(this IServiceCollection services, Func<ServiceDescriptor, bool> match)
    {
        foreach (var d in services.Where(d => d.ServiceType == typeof(T) && match(d)).ToList()) services.Remove(d);
    }
}

/// <summary>
/// Only the key ring. The framework's repository saves synchronously, which the audited AvaOloDbContext refuses;
/// the table's mapping is the one AvaOloDbContext migrates (<see cref="DataProtectionKeyConfiguration"/>).
/// </summary>
public sealed class KeyRingDbContext(DbContextOptions<KeyRingDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new DataProtectionKeyConfiguration());
}
