using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace AvaOlo.MonitoringDashboards.Tests;

/// <summary>Error isolation: with the database unreachable the service still starts, answers and explains.</summary>
public sealed class DatabaseDownTests : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory = new DownFactory();
    private readonly Browser _browser;

    public DatabaseDownTests()
    {
        _browser = Browser.Open(DashboardsServer.StartOnKestrel(_factory));
    }

    [Fact]
    public async Task Login_page_still_renders_and_a_login_attempt_gets_a_clear_503()
    {
        Assert.Equal(HttpStatusCode.OK, (await _browser.GetPageAsync("/login")).Status);

        using var response = await _browser.LoginAsync("ana", "whatever");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Database unavailable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_unavailable_instead_of_hanging_or_crashing()
    {
        var (status, body) = await _browser.GetPageAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("\"status\":\"unavailable\"", body, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _browser.Dispose();
        _factory.Dispose();
    }

    private sealed class DownFactory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Production shows the error page (Development would show the developer exception page instead).
            builder.UseEnvironment("Production");
            // Port 1 on loopback: nothing listens there, so connecting fails at once.
            builder.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DB_HOST"] = "127.0.0.1", ["DB_PORT"] = "1", ["DB_USER"] = "nobody", ["DB_SSL_MODE"] = "Disable",
            }));
        }
    }
}
