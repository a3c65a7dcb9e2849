extern alias core;
using System.Net;
using System.Text.Json;
using AvaOlo.ChannelStandIns;
using AvaOlo.Data.Entities;
using AvaOlo.MonitoringDashboards.Monitoring;
using AvaOlo.ServiceDefaults.Telemetry;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AvaOlo.MonitoringDashboards.Tests.Monitoring;

/// <summary>
/// Signature and send failures happen in the core (real webhooks, a real outbox send refused by the Cloud API stand-in),
/// reach PostgreSQL through the core's telemetry rollups, and the dashboards show them and alarm on them.
/// </summary>
[Collection("database")]
public sealed class ChannelHealthTests(DashboardsServer server) : DashboardTest(server)
{
    private const string Secret = "meta-app-secret-for-channel-health";
    private const string Farmer = "+385911234567";

    [Fact]
    public async Task Failures_in_the_core_show_on_the_admin_page_and_api_health_and_raise_the_send_failure_alarm()
    {
        await using var meta = await CloudApiStandIn.StartAsync("EAAG-channel-health", "1234567890", Secret);
        await using var coreApp = new ServiceHost<core::Program>(Database.Environment(), new Dictionary<string, string?>
        {
            ["WHATSAPP_APP_SECRET"] = Secret, ["WHATSAPP_VERIFY_TOKEN"] = "verify", ["WHATSAPP_ACCESS_TOKEN"] = meta.AccessToken,
            ["WHATSAPP_PHONE_NUMBER_ID"] = meta.PhoneNumberId, ["WHATSAPP_GRAPH_URL"] = meta.GraphUrl.ToString(), ["INSTANCE_ID"] = "core-channel-1",
        });
        using var core = new HttpClient { BaseAddress = coreApp.BaseAddress };
        var webhook = new Uri(core.BaseAddress, "/api/v1/whatsapp/webhook");

        // Two webhooks signed with the wrong secret: refused, nothing stored.
        for (var i = 0; i < 2; i++)
        {
            using var refused = await CloudApiStandIn.PostSignedAsync(core, webhook, "not-the-secret",
                CloudApiPayloads.Text(meta.PhoneNumberId, Farmer, CloudApiPayloads.NewMessageId(), "Koliko je karenca?", DateTimeOffset.UtcNow));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        // A reply the Graph API refuses for good (HTTP 400): the outbox gives up on it.
        var received = DateTimeOffset.UtcNow;
        await using (var db = Database.CreateContext())
        {
            db.WhatsAppInbox.Add(new InboundMessage
            {
                Provider = ChannelProviders.Meta, ProviderMessageId = CloudApiPayloads.NewMessageId(), Sender = Farmer, Type = "text", Text = "Koliko?",
                Payload = "{}", State = InboxStates.Answered, ReceivedAt = received, NextAttemptAt = received,
            });
            await db.SaveChangesAsync();
        }
        meta.FailNext(400);
        await using (var db = Database.CreateContext())
        {
            db.WhatsAppOutbox.Add(new OutboundMessage
            {
                Provider = ChannelProviders.Meta, Recipient = Farmer, Kind = "text", Body = "Karenca je 42 dana.", Status = OutboxStates.Queued,
                NextAttemptAt = received, CreatedAt = received, UpdatedAt = received,
            });
            await db.SaveChangesAsync();
        }
        await WaitForAsync("the outbox did not give up on the refused message", async () =>
        {
            await using var db = Database.CreateContext();
            return await db.WhatsAppOutbox.AnyAsync(o => o.Status == OutboxStates.Failed);
        });
        // The worker counts the failure just after storing it, so a flush at once may come a moment too early.
        await WaitForAsync("the core's minutes never held the send failure", async () =>
        {
            Assert.True(await coreApp.Services.GetRequiredService<TelemetryFlusher>().FlushNowAsync());
            await using var db = Database.CreateContext();
            return await db.MetricMinutes.AnyAsync(m => m.Metric == ChannelMetrics.SendFailures.Instrument && m.Label == ChannelProviders.Meta && m.Count > 0);
        });

        using var dashboards = Server.StartAnotherInstance(new Dictionary<string, string?> { ["ALARM_WHATSAPP_SEND_FAILURES_PER_5_MINUTES"] = "0" });
        await Seed.UserAsync(Database, UserRoles.Admin, UserRoles.Admin);
        using var admin = Browser.Open(dashboards.BaseAddress);
        await admin.LoginOkAsync(UserRoles.Admin, Seed.Password);

        var (_, page) = await admin.GetPageAsync("/admin");
        Assert.Contains($"<tr id=\"channel-meta\"><td>WhatsApp Cloud API</td><td>{AvaOlo.MonitoringDashboards.Pages.Figures.When(received)}</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>2</td><td>1</td>\n          <td>0 / 0</td><td>0</td></tr>", page.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<tr id=\"channel-twilio\"><td>Twilio WhatsApp</td><td>never</td>", page, StringComparison.Ordinal);

        var (status, health) = await admin.GetPageAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, status);
        using (var json = JsonDocument.Parse(health))
        {
            var whatsapp = json.RootElement.GetProperty("components").GetProperty("whatsapp");
            Assert.Equal("ok", whatsapp.GetProperty("status").GetString());
            var cloud = whatsapp.GetProperty("details").GetProperty("whatsapp_cloud_api");
            Assert.Equal((2, 1, 0), (cloud.GetProperty("signature_failures_24h").GetInt64(), cloud.GetProperty("send_failures_24h").GetInt64(),
                cloud.GetProperty("outbox_queued").GetInt64()));
            Assert.Equal(0, whatsapp.GetProperty("details").GetProperty("twilio_whatsapp").GetProperty("signature_failures_24h").GetInt64());
        }

        // The minute the core flushed holds the failure; the alarm (threshold 0) fires for the core, and only for it.
        DateTimeOffset minute;
        await using (var db = Database.CreateContext())
            minute = await db.MetricMinutes.Where(m => m.Metric == ChannelMetrics.SendFailures.Instrument && m.Label == ChannelProviders.Meta && m.Count > 0)
                .Select(m => m.Minute).SingleAsync();
        var fired = await dashboards.Services.GetRequiredService<AlarmEvaluator>().EvaluateAsync(minute, CancellationToken.None);
        var alarm = Assert.Single(fired, t => t.Alarm == AlarmRules.WhatsAppSendFailures);
        Assert.Equal(("ava-olo-agricultural-core", AlarmStates.Alarm, 1.0), (alarm.Service, alarm.To, alarm.Value));
    }

    private static async Task WaitForAsync(string failure, Func<Task<bool>> done)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await done()) return;
            await Task.Delay(100);
        }
        Assert.Fail(failure + " within 20 s");
    }
}
