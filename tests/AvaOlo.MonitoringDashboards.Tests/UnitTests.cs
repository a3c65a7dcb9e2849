using AvaOlo.MonitoringDashboards.Hosting;
using AvaOlo.MonitoringDashboards.Pages;

namespace AvaOlo.MonitoringDashboards.Tests;

public sealed class PortBindingTests
{
    [Theory]
    [InlineData(null, 8080)]
    [InlineData("", 8080)]
    [InlineData("  ", 8080)]
    [InlineData("8081", 8081)]
    [InlineData(" 9000 ", 9000)]
    [InlineData("1", 1)]
    [InlineData("65535", 65535)]
    [InlineData("0", null)]
    [InlineData("65536", null)]
    [InlineData("-1", null)]
    [InlineData("80a", null)]
    [InlineData("8080.0", null)]
    public void Parse_reads_PORT_with_the_default_and_refuses_nonsense(string? raw, int? expected) =>
        Assert.Equal(expected, AvaOlo.ServiceDefaults.Hosting.ParsePort(raw));
}

public sealed class DashboardCatalogueTests
{
    [Theory]
    [InlineData("/business", "/business")]
    [InlineData("/Business?range=30d", "/business")]
    [InlineData("/admin/users", "/admin")]
    [InlineData("/agronomic#review", "/agronomic")]
    [InlineData("/businesses", null)]
    [InlineData("/", null)]
    [InlineData("https://evil.example/admin", null)]
    [InlineData(null, null)]
    public void ForUrl_finds_the_dashboard_a_return_url_points_into(string? url, string? expected) =>
        Assert.Equal(expected, Dashboards.ForUrl(url)?.Path);
}
