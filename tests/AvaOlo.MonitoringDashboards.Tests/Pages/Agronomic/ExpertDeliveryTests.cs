using System.Net;
using AvaOlo.Data.Entities;
using AvaOlo.MonitoringDashboards.Monitoring;

namespace AvaOlo.MonitoringDashboards.Tests.Pages.Agronomic;

/// <summary>
/// The workbench shows how an expert text reached a WhatsApp farmer, next to the answer. The core's outbox rows are
/// seeded here as the core writes them (its side is proven in the core's ExpertReplyTests).
/// </summary>
[Collection("database")]
public sealed class ExpertDeliveryTests(DashboardsServer server) : DashboardTest(server)
{
    [Fact]
    public async Task Reviewed_whatsapp_exchanges_show_their_expert_text_delivery_status_and_reason()
    {
        var delivered = await Seed.ConversationAsync(Database, null, "Q-delivered", channel: "whatsapp");
        var skipped = await Seed.ConversationAsync(Database, null, "Q-skipped", channel: "whatsapp");
        var waiting = await Seed.ConversationAsync(Database, null, "Q-waiting", channel: "whatsapp");
        var api = await Seed.ConversationAsync(Database, null, "Q-api");
        using var browser = await SignedInAsync(UserRoles.Agronomist);
        foreach (var c in new[] { delivered, skipped, waiting, api })
            using (var r = await browser.SubmitAsync("/agronomic", $"/agronomic?handler=Reply&id={c.Id}", ("answer", $"Expert {c.Question}")))
                Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using (var db = Database.CreateContext())
        {
            var at = DateTimeOffset.UtcNow;
            db.WhatsAppOutbox.AddRange(
                Row(delivered.Id, at.AddMinutes(-5), OutboxStates.Skipped, null, "superseded by a newer expert text"), // an older version
                Row(delivered.Id, at, OutboxStates.Delivered, "text", null, part: 1),
                Row(skipped.Id, at, OutboxStates.Skipped, null, "outside the 24-hour window (the farmer's last message was 30 h ago) and no approved template is configured"));
            await db.SaveChangesAsync();
        }

        var (status, html) = await browser.GetPageAsync("/agronomic");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Expert Q-delivered <br><span class=\"tag expert-delivery\" data-status=\"delivered\">WhatsApp: delivered</span>", html, StringComparison.Ordinal);
        var skippedLine = html[html.IndexOf("Expert Q-skipped", StringComparison.Ordinal)..];
        skippedLine = skippedLine[..skippedLine.IndexOf("</span>", StringComparison.Ordinal)];
        Assert.Contains("data-status=\"skipped\">WhatsApp: skipped", skippedLine, StringComparison.Ordinal);
        Assert.Contains("outside the 24-hour window (the farmer&#x27;s last message was 30 h ago) and no approved template is configured", skippedLine, StringComparison.Ordinal);
        Assert.Contains("Expert Q-waiting <br><span class=\"tag expert-delivery\" data-status=\"not queued yet\">WhatsApp: not queued yet</span>", html, StringComparison.Ordinal);
        Assert.Contains("Expert Q-api</td>", html, StringComparison.Ordinal); // not a WhatsApp exchange: nothing to deliver
        Assert.Equal(3, html.Split("expert-delivery").Length - 1);
    }

    private static OutboundMessage Row(long conversation, DateTimeOffset version, string status, string? sentAs, string? reason, int part = 0) => new()
    {
        ConversationId = conversation, ReplyVersion = version, Part = part, Provider = ChannelProviders.Meta, Recipient = "+385911234567", Kind = "text",
        Body = "Odgovor agronoma:\n…", Status = status, SentAs = sentAs, SkipReason = reason, CreatedAt = version, UpdatedAt = version, NextAttemptAt = version,
    };
}
