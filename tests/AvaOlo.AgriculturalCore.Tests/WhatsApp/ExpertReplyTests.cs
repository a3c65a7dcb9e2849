using System.Net;
using AvaOlo.ChannelStandIns;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>
/// An agronomist's "Reply as expert" / "Edit and approve" on a WhatsApp exchange reaches the farmer through the outbox:
/// once across two core instances, free text inside the 24-hour window and the template outside it, and a later save
/// goes out once more, marked as a correction. The workbench writes the conversation exactly as <see cref="SaveAsync"/> does.
/// </summary>
public sealed class ExpertReplyTests(TestDatabase database) : WhatsAppTestBase(database)
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["WHATSAPP_TEMPLATE_REPLY"] = "farmer_reply:hr" };

    [Fact]
    public async Task An_expert_reply_reaches_the_farmer_once_across_two_instances_and_a_second_save_goes_as_a_correction()
    {
        await using var second = new ServiceHost<Program>(Database, Settings);
        var wamid = CloudApiPayloads.NewMessageId();
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(CloudApiPayloads.Text(PhoneNumberId, W.A.Phone, wamid, "Što s pjegavošću lista na pšenici?", DateTimeOffset.UtcNow))).StatusCode);
        Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == wamid, 1, TimeSpan.FromSeconds(60)));
        var conversation = await ConversationOfAsync(wamid);

        await SaveAsync(conversation, ReviewStates.ExpertAnswered, "Prskajte Prosarom 250 EC u dozi 1 l/ha nakon pregleda usjeva.");
        var expert = Assert.Single(await Meta.WaitForAsync(m => m.Text?.Contains("Prosarom 250 EC", StringComparison.Ordinal) == true, 1, TimeSpan.FromSeconds(30)));
        Assert.Equal(("text", "Odgovor agronoma:\nPrskajte Prosarom 250 EC u dozi 1 l/ha nakon pregleda usjeva.", wamid), (expert.Type, expert.Text, expert.ReplyTo));
        await Task.Delay(TimeSpan.FromSeconds(8)); // both instances have looked at it at least twice by now
        Assert.Single(Meta.Received, m => m.Text?.Contains("Prosarom 250 EC", StringComparison.Ordinal) == true);
        var row = Assert.Single(await ExpertRowsAsync(conversation, r => r.All(o => o.Status is OutboxStates.Delivered or OutboxStates.Read)));
        Assert.Equal((W.A.Phone, "text", 0, expert.Id), (row.Recipient, row.SentAs, row.Part, row.ProviderMessageId));

        await SaveAsync(conversation, ReviewStates.Edited, "Ispravak: doza je 0,75–1 l/ha.");
        var correction = Assert.Single(await Meta.WaitForAsync(m => m.Text?.Contains("0,75–1 l/ha", StringComparison.Ordinal) == true, 1, TimeSpan.FromSeconds(30)));
        Assert.Equal("Ispravak agronoma:\nIspravak: doza je 0,75–1 l/ha.", correction.Text);
        await Task.Delay(TimeSpan.FromSeconds(7));
        Assert.Equal(2, Meta.Received.Count(m => m.Text?.Contains("agronoma:", StringComparison.Ordinal) == true));
        Assert.Equal([0, 1], (await ExpertRowsAsync(conversation, r => r.Count == 2)).Select(o => o.Part));
    }

    [Fact]
    public async Task Outside_the_24_hour_window_the_expert_reply_goes_as_the_template_and_a_plain_approval_sends_nothing()
    {
        var wamid = CloudApiPayloads.NewMessageId();
        var asked = DateTimeOffset.UtcNow.AddHours(-30); // the farmer wrote a day and a half ago
        (await PostSignedAsync(CloudApiPayloads.Text(PhoneNumberId, W.A.Phone, wamid, "Kada sijati kukuruz?", asked))).EnsureSuccessStatusCode();
        var first = await OutboxAsync(wamid, r => r.Count > 0 && r.All(o => o.Status != OutboxStates.Queued));
        Assert.All(first, o => Assert.Equal("template", o.SentAs));
        var conversation = await ConversationOfAsync(wamid);

        await SaveAsync(conversation, ReviewStates.Approved, null); // approving the assistant's answer adds nothing to send
        await SaveAsync(conversation, ReviewStates.ExpertAnswered, "Sijte kada tlo dosegne 10 °C.");
        var sent = Assert.Single(await Meta.WaitForAsync(m => m.Text?.Contains("10 °C", StringComparison.Ordinal) == true, 1, TimeSpan.FromSeconds(30)));
        Assert.Equal(("template", "Odgovor agronoma:\nSijte kada tlo dosegne 10 °C."), (sent.Type, sent.Text));
        var row = Assert.Single(await ExpertRowsAsync(conversation, r => r.Count == 1 && r[0].Status != OutboxStates.Queued));
        Assert.Equal("template", row.SentAs);
        Assert.Contains("outside the 24-hour window", row.SkipReason, StringComparison.Ordinal);
    }

    private async Task<long> ConversationOfAsync(string wamid)
    {
        await using var db = Database.CreateContext();
        return (await db.WhatsAppInbox.SingleAsync(i => i.ProviderMessageId == wamid)).ConversationId!.Value;
    }

    /// <summary>What the agronomic workbench's Reply / Edit / Approve do to the conversation (Pages/Agronomic/Index.Review.cs).</summary>
    private async Task SaveAsync(long conversation, string state, string? text)
    {
        await using var db = Database.CreateContext();
        var at = DateTimeOffset.UtcNow;
        await db.Conversations.Where(c => c.Id == conversation).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.ReviewState, state).SetProperty(c => c.ExpertAnswer, c => text ?? c.ExpertAnswer)
            .SetProperty(c => c.ReviewedBy, "agronomist").SetProperty(c => c.ReviewedAt, at));
    }

    private async Task<List<OutboundMessage>> ExpertRowsAsync(long conversation, Func<List<OutboundMessage>, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = Database.CreateContext();
            var rows = await db.WhatsAppOutbox.AsNoTracking().Where(o => o.ConversationId == conversation).OrderBy(o => o.Part).ToListAsync();
            if (done(rows) || DateTime.UtcNow > until) return rows;
            await Task.Delay(100);
        }
    }
}
