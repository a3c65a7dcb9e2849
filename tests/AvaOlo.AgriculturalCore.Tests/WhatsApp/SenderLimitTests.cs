using System.Net;
using AvaOlo.ChannelStandIns;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>
/// The per-farmer limit applies to a WhatsApp sender by number, not to the provider's gateway: over it, one polite
/// notice a minute, and every message is kept and marked, none dropped.
/// </summary>
public sealed class SenderLimitTests(TestDatabase database) : WhatsAppTestBase(database)
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["RATE_LIMIT_PER_FARMER_PER_MINUTE"] = "2" };

    [Fact]
    public async Task Over_the_per_minute_limit_a_sender_gets_one_notice_and_the_rest_are_kept_while_another_farmer_on_the_same_gateway_is_answered()
    {
        var ids = new List<string>();
        foreach (var question in new[] { "Koliko je karenca za Prosaro u pšenici?", "A za ječam?", "A za kukuruz?", "A za uljanu repicu?", "A za tritikale?" })
        {
            var wamid = CloudApiPayloads.NewMessageId();
            ids.Add(wamid);
            // The webhook is never limited: Meta's gateway delivers every farmer's messages.
            Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(CloudApiPayloads.Text(PhoneNumberId, W.A.Phone, wamid, question, DateTimeOffset.UtcNow))).StatusCode);
        }
        var other = CloudApiPayloads.NewMessageId();
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(CloudApiPayloads.Text(PhoneNumberId, W.B.Phone, other, "Koliko njiv imam?", DateTimeOffset.UtcNow))).StatusCode);

        var inbox = await ProcessedAsync(ids.Append(other).ToList());
        Assert.All(inbox, i => Assert.Equal(InboxStates.Answered, i.State));
        Assert.Equal([null, null, InboxReviewFlags.RateLimited, InboxReviewFlags.RateLimited, InboxReviewFlags.RateLimited, null],
            inbox.Select(i => i.ReviewFlag));
        var notice = Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == ids[2], 1, TimeSpan.FromSeconds(30)));
        Assert.Equal("U kratkom ste vremenu poslali mnogo poruka. Molim vas, pričekajte minutu pa pišite ponovno: vaše su poruke spremljene, ali sada ne mogu odgovoriti na svaku.",
            notice.Text);
        Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == ids[0], 1, TimeSpan.FromSeconds(30)));
        Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == ids[1], 1, TimeSpan.FromSeconds(30)));
        Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == other, 1, TimeSpan.FromSeconds(30)));
        await Task.Delay(2000);
        Assert.DoesNotContain(Meta.Received, m => m.ReplyTo == ids[3] || m.ReplyTo == ids[4]);
        Assert.Equal(4, Meta.Received.Count);
        Assert.Equal("A za tritikale?", inbox[4].Text); // kept, not dropped
    }

    [Fact]
    public async Task An_opt_out_word_passes_the_limit()
    {
        foreach (var text in new[] { "Dobar dan", "Hvala", "Još nešto" })
            (await PostSignedAsync(CloudApiPayloads.Text(PhoneNumberId, W.A.Phone, CloudApiPayloads.NewMessageId(), text, DateTimeOffset.UtcNow))).EnsureSuccessStatusCode();
        var stop = CloudApiPayloads.NewMessageId();
        (await PostSignedAsync(CloudApiPayloads.Text(PhoneNumberId, W.A.Phone, stop, "STOP", DateTimeOffset.UtcNow))).EnsureSuccessStatusCode();
        var row = (await ProcessedAsync([stop]))[0];
        Assert.Null(row.ReviewFlag);
        await using var db = Database.CreateContext();
        Assert.NotNull((await db.WhatsAppContacts.SingleAsync(c => c.Phone == W.A.Phone)).OptedOutAt);
    }

    private async Task<List<InboundMessage>> ProcessedAsync(List<string> ids)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = Database.CreateContext();
            var rows = await db.WhatsAppInbox.AsNoTracking().Where(i => ids.Contains(i.ProviderMessageId)).ToListAsync();
            if ((rows.Count == ids.Count && rows.All(r => r.State != InboxStates.Pending)) || DateTime.UtcNow > until)
                return [.. ids.Select(id => rows.Single(r => r.ProviderMessageId == id))];
            await Task.Delay(200);
        }
    }
}
