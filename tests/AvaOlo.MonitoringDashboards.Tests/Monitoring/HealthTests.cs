using System.Net;
using System.Text.Json;
using AvaOlo.ServiceDefaults;

namespace AvaOlo.MonitoringDashboards.Tests.Monitoring;

[Collection("database")]
public sealed class HealthTests(DashboardsServer server) : DashboardTest(server)
{
    [Fact]
    public async Task Health_is_anonymous_and_names_the_service()
    {
        using var browser = Server.NewBrowser();
        var (status, body) = await browser.GetPageAsync("/health");

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("ava-olo-monitoring-dashboards", json.RootElement.GetProperty("service").GetString());
        Assert.Equal(AppInfo.Version, json.RootElement.GetProperty("version").GetString());
        Assert.True(json.RootElement.TryGetProperty("uptime_seconds", out _), "health JSON should be snake_case like the core API");
    }

    [Fact]
    public async Task Stylesheet_is_served_to_anonymous_visitors_for_the_login_page()
    {
        using var browser = Server.NewBrowser();
        using var response = await browser.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("#8b4513", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Test_server_listens_where_the_test_host_asked_not_on_the_PORT_default() =>
        Assert.NotEqual(8080, Server.BaseAddress.Port);
}
