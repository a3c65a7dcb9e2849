using AvaOlo.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AvaOlo.MonitoringDashboards.Tests.Auth;

/// <summary>The cookie and antiforgery key ring is in PostgreSQL and is loaded at first use, not at start-up.</summary>
[Collection("database")]
public sealed class KeyRingTests(DashboardsServer server) : DashboardTest(server)
{
    [Fact]
    public async Task Keys_are_stored_in_the_database_and_protect_what_this_instance_issues()
    {
        using var browser = Server.NewBrowser();
        var (_, html) = await browser.GetPageAsync("/login");
        Assert.NotEmpty(Browser.AntiforgeryToken(html));

        await using var db = Database.CreateContext();
        var keys = await db.DataProtectionKeys.AsNoTracking().ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("<key id=", k.Xml, StringComparison.Ordinal));
        // The instance's protector reads the same ring: what it protects, a new provider over the table unprotects.
        var protector = Server.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("wheat", protector.Unprotect(protector.Protect("wheat")));
    }

    [Fact]
    public void The_framework_does_not_load_the_key_ring_before_the_host_listens()
    {
        // Its hosted service would read the ring from the database during start-up, so a slow database would hang
        // start-up; the ring is loaded by the first request that needs it instead.
        var fromDataProtection = Server.Services.GetServices<IHostedService>()
            .Where(h => h.GetType().Assembly == typeof(DataProtectionOptions).Assembly).Select(h => h.GetType().Name).ToList();
        Assert.Empty(fromDataProtection);
    }
}
