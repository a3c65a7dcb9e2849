using System.Net;
using AvaOlo.ChannelStandIns;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>A farmer over the day's model budget is told once, not at every message; the state is in PostgreSQL.</summary>
public sealed class OverLimitTests(TestDatabase database) : WhatsAppTestBase(database)
{
    protected override bool WithModel => true;
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["LLM_DAILY_TOKENS_PER_FARMER"] = "100" };

    [Fact]
    public async Task Over_the_daily_budget_one_polite_notice_then_no_reply_to_each_message()
    {
        Model!.Then(FakeReply.Text("Karenca za Prosaro u pšenici iznosi 42 dana."));
        var ids = new List<string>();
        foreach (var question in new[] { "Koliko je karenca za Prosaro u pšenici?", "A za ječam?", "A za kukuruz?" })
        {
            var wamid = CloudApiPayloads.NewMessageId();
            ids.Add(wamid);
            Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(CloudApiPayloads.Text(PhoneNumberId, W.A.Phone, wamid, question, DateTimeOffset.UtcNow))).StatusCode);
        }
        var notice = Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == ids[1], 1, TimeSpan.FromSeconds(60)));
        Assert.DoesNotContain("42 dana", notice.Text, StringComparison.Ordinal);
        var until = DateTime.UtcNow.AddSeconds(60);
        InboundMessage last;
        while (true)
        {
            await using var db = Database.CreateContext();
            last = await db.WhatsAppInbox.SingleAsync(i => i.ProviderMessageId == ids[2]);
            if (last.State != InboxStates.Pending || DateTime.UtcNow > until) break;
            await Task.Delay(200);
        }
        Assert.Equal((InboxStates.Answered, InboxReviewFlags.OverLimit), (last.State, last.ReviewFlag));
        Assert.Empty(await OutboxAsync(ids[2], _ => true, 0));
        Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == ids[0], 1, TimeSpan.FromSeconds(5)));
        Assert.Equal(2, Meta.Received.Count);
    }
}

/// <summary>A photo is acknowledged in the farmer's language and waits for an agronomist, with a link to the media (never its bytes).</summary>
public sealed class PhotoTests(TestDatabase database) : WhatsAppTestBase(database)
{
    [Fact]
    public async Task A_photo_is_acknowledged_and_kept_pending_review_flagged_image_with_its_media_id()
    {
        var mediaId = Meta.AddMedia([0xFF, 0xD8, 0xFF], "image/jpeg");
        var wamid = CloudApiPayloads.NewMessageId();
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(CloudApiPayloads.Image(PhoneNumberId, W.B.Phone, wamid, DateTimeOffset.UtcNow, mediaId, "Kaj je to na listih?"))).StatusCode);
        var reply = Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == wamid, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal("Hvala za fotografijo! Agronom si jo bo ogledal in vam odgovoril.", reply.Text);
        Assert.Empty(Meta.MediaServed);
        await using var db = Database.CreateContext();
        var inbox = await db.WhatsAppInbox.SingleAsync(i => i.ProviderMessageId == wamid);
        Assert.Equal((InboxReviewFlags.Image, mediaId, "image/jpeg"), (inbox.ReviewFlag, inbox.MediaRef, inbox.MediaType));
        var exchange = await db.Conversations.SingleAsync(c => c.Id == inbox.ConversationId);
        Assert.Equal(("Kaj je to na listih?", ReviewStates.Pending, W.B.Id), (exchange.Question, exchange.ReviewState, exchange.FarmerId));
    }
}
