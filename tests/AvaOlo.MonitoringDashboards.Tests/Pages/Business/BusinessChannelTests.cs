using System.Net;
using AvaOlo.Data.Entities;

namespace AvaOlo.MonitoringDashboards.Tests.Pages.Business;

[Collection("database")]
public sealed class BusinessChannelTests(DashboardsServer server) : DashboardTest(server)
{
    [Fact]
    public async Task Questions_and_active_farmers_are_counted_per_channel_for_today()
    {
        var ana = await Seed.FarmerAsync(Database, "+38640111222", 1m);
        var ivo = await Seed.FarmerAsync(Database, "+385911234567", 2m);
        await Seed.ConversationAsync(Database, ana.Id, "Q1", channel: "whatsapp");
        await Seed.ConversationAsync(Database, ana.Id, "Q2", channel: "whatsapp");
        await Seed.ConversationAsync(Database, ivo.Id, "Q3", channel: "whatsapp");
        await Seed.ConversationAsync(Database, ivo.Id, "Q4", channel: "api");
        await Seed.ConversationAsync(Database, null, "Q5", channel: "web");
        // Yesterday's question is outside today's figures.
        await Seed.ConversationAsync(Database, ana.Id, "Q0", channel: "api", at: DateTimeOffset.UtcNow.Date.AddHours(-2));
        using var browser = await SignedInAsync(UserRoles.Business);

        var (status, html) = await browser.GetPageAsync("/business");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<tr id=\"channel-whatsapp\"><td>whatsapp</td><td>3</td><td>2</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr id=\"channel-api\"><td>api</td><td>1</td><td>1</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr id=\"channel-web\"><td>web</td><td>1</td><td>0</td></tr>", html, StringComparison.Ordinal);
        // Busiest first; a farmer on two channels is one active farmer in the day's total.
        Assert.True(html.IndexOf("channel-whatsapp", StringComparison.Ordinal) < html.IndexOf("channel-api", StringComparison.Ordinal));
        Assert.Contains("<dd id=\"questions-today\">5</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"active-today\">2</dd>", html, StringComparison.Ordinal);
    }
}
