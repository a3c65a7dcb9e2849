using System.Net;
using AvaOlo.ChannelStandIns;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>Exactly one answer per message however often it arrives; statuses out of order; retries; the 24-hour window.</summary>
public sealed class DeliveryTests(TestDatabase database) : WhatsAppTestBase(database)
{
    [Fact]
    public async Task The_same_wamid_five_times_gets_one_answer()
    {
        var wamid = CloudApiPayloads.NewMessageId();
        var notification = CloudApiPayloads.Text(PhoneNumberId, "+385911234567", wamid, "Koliko je karenca za Prosaro u pšenici?", DateTimeOffset.UtcNow);
        // Meta's retries: the same signed body again and again, some at the same time.
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostSignedAsync(notification)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == wamid, 1, TimeSpan.FromSeconds(30)));
        (await PostSignedAsync(notification)).EnsureSuccessStatusCode(); // and once more after it was answered
        await Task.Delay(3000); // a second answer would have come by now (the workers wake on every store)
        Assert.Single(Meta.Received, m => m.ReplyTo == wamid);
        Assert.Equal(1, await InboxCountAsync());
    }

    [Fact]
    public async Task Statuses_only_move_forward_whatever_order_they_arrive_in()
    {
        Meta.SendStatuses = false; // this test posts them itself
        var wamid = CloudApiPayloads.NewMessageId();
        await PostSignedAsync(CloudApiPayloads.Text(PhoneNumberId, "+385911234567", wamid, "Dobar dan", DateTimeOffset.UtcNow));
        var sent = Assert.Single(await OutboxAsync(wamid, r => r.Count == 1 && r[0].Status == OutboxStates.Sent));
        var id = sent.ProviderMessageId!;

        async Task<OutboundMessage> After(string status, int? errorCode = null)
        {
            (await PostSignedAsync(CloudApiPayloads.Status(PhoneNumberId, id, status, "+385911234567", DateTimeOffset.UtcNow, errorCode, errorCode is null ? null : "Message undeliverable")))
                .EnsureSuccessStatusCode();
            await using var db = Database.CreateContext();
            return await db.WhatsAppOutbox.AsNoTracking().SingleAsync(o => o.Id == sent.Id);
        }

        Assert.Equal(OutboxStates.Read, (await After("read")).Status);          // read before delivered
        Assert.Equal(OutboxStates.Read, (await After("delivered")).Status);     // delivered after read: ignored
        Assert.Equal(OutboxStates.Read, (await After("sent")).Status);
        var failedLate = await After("failed", 131026);                        // a failure after read: ignored
        Assert.Equal(OutboxStates.Read, failedLate.Status);
        Assert.Null(failedLate.LastError);
        Assert.NotNull(failedLate.ReadAt);
    }

    [Fact]
    public async Task A_failed_status_records_the_providers_error_and_a_later_delivered_still_counts()
    {
        Meta.SendStatuses = false;
        var wamid = CloudApiPayloads.NewMessageId();
        await PostSignedAsync(CloudApiPayloads.Text(PhoneNumberId, "+385911234567", wamid, "Dobar dan", DateTimeOffset.UtcNow));
        var sent = Assert.Single(await OutboxAsync(wamid, r => r.Count == 1 && r[0].Status == OutboxStates.Sent));
        using var sendFailures = new SendFailureCounter();
        var failure = CloudApiPayloads.Status(PhoneNumberId, sent.ProviderMessageId!, "failed", "+385911234567", DateTimeOffset.UtcNow, 131026, "Message undeliverable");
        await PostSignedAsync(failure);
        await PostSignedAsync(failure); // Meta delivers a notification again: still one failure
        Assert.Equal(1, sendFailures.Meta); // what the send-failure alarm counts
        var failed = Assert.Single(await OutboxAsync(wamid, r => r[0].Status == OutboxStates.Failed));
        Assert.Equal((OutboxStates.Failed, "131026 Message undeliverable: Message undeliverable"), (failed.Status, failed.LastError));
        Assert.NotNull(failed.FailedAt);
        // Another of the farmer's devices got it after all.
        await PostSignedAsync(CloudApiPayloads.Status(PhoneNumberId, sent.ProviderMessageId!, "delivered", "+385911234567", DateTimeOffset.UtcNow));
        Assert.Equal(OutboxStates.Delivered, Assert.Single(await OutboxAsync(wamid, r => r[0].Status == OutboxStates.Delivered)).Status);
    }

    [Fact]
    public async Task A_status_for_a_message_we_never_sent_changes_nothing()
    {
        var response = await PostSignedAsync(CloudApiPayloads.Status(PhoneNumberId, "wamid.unknown", "read", "+385911234567", DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.WhatsAppOutbox.CountAsync());
        Assert.Equal("read", (await db.WhatsAppStatusEvents.SingleAsync()).Status); // kept, in case its send is recorded later
    }

    [Fact]
    public async Task Transient_send_failures_are_retried_and_a_permanent_one_fails_with_the_error()
    {
        Meta.FailNext(503);
        var retried = CloudApiPayloads.NewMessageId();
        await PostSignedAsync(CloudApiPayloads.Text(PhoneNumberId, "+385911234567", retried, "Dobar dan", DateTimeOffset.UtcNow));
        var row = Assert.Single(await OutboxAsync(retried, r => r.Count == 1 && r[0].Status is OutboxStates.Sent or OutboxStates.Read or OutboxStates.Delivered, 40));
        Assert.Equal(2, row.Attempts); // first 503, then (after the 5 s backoff) accepted
        Assert.Single(Meta.Received, m => m.ReplyTo == retried);

        Meta.FailNext(400);
        var refused = CloudApiPayloads.NewMessageId();
        await PostSignedAsync(CloudApiPayloads.Text(PhoneNumberId, "+38640123456", refused, "Dober dan", DateTimeOffset.UtcNow));
        var failed = Assert.Single(await OutboxAsync(refused, r => r.Count == 1 && r[0].Status == OutboxStates.Failed));
        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith("HTTP 400: (131000) Scripted failure", failed.LastError);
        Assert.DoesNotContain(AccessToken, failed.LastError);
    }

    [Fact]
    public async Task Outside_the_24_hour_window_without_a_template_the_reply_is_skipped_with_the_reason()
    {
        var (inside, outside) = await QueueRepliesAsync();
        await using var db = Database.CreateContext();
        var until = DateTime.UtcNow.AddSeconds(20);
        List<OutboundMessage> rows;
        do
        {
            await Task.Delay(200);
            rows = await db.WhatsAppOutbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        } while (rows.Any(r => r.Status == OutboxStates.Queued) && DateTime.UtcNow < until);
        Assert.Equal(OutboxStates.Skipped, rows.Single(r => r.Recipient == outside).Status);
        Assert.Contains("outside the 24-hour window", rows.Single(r => r.Recipient == outside).SkipReason);
        Assert.Contains(rows.Single(r => r.Recipient == inside).Status, new[] { OutboxStates.Sent, OutboxStates.Delivered, OutboxStates.Read });
        Assert.Equal(["+38640123456"], Meta.Received.Select(m => m.To));
    }

    /// <summary>Two replies queued by hand: one to a farmer who wrote 23 h 50 min ago, one to a farmer who wrote 24 h 10 min ago.</summary>
    private async Task<(string Inside, string Outside)> QueueRepliesAsync()
    {
        await using var db = Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var inbox = new[] { ("+38640123456", now.AddHours(-23.83)), ("+385911234567", now.AddHours(-24.17)) }.Select(x => new InboundMessage
        {
            Provider = ChannelProviders.Meta, ProviderMessageId = CloudApiPayloads.NewMessageId(), Sender = x.Item1, Type = "text", Text = "?",
            Payload = "{}", ReceivedAt = x.Item2, SentAt = x.Item2, State = InboxStates.Answered, NextAttemptAt = x.Item2,
        }).ToList();
        db.WhatsAppInbox.AddRange(inbox);
        await db.SaveChangesAsync();
        db.WhatsAppOutbox.AddRange(inbox.Select(i => new OutboundMessage
        {
            InboxId = i.Id, Provider = ChannelProviders.Meta, Recipient = i.Sender, Kind = "text", Body = "Odgovor", Status = OutboxStates.Queued,
            NextAttemptAt = now, CreatedAt = now, UpdatedAt = now,
        }));
        await db.SaveChangesAsync();
        return ("+38640123456", "+385911234567");
    }

    /// <summary>The same two replies with WHATSAPP_TEMPLATE_REPLY set: the late one goes out as the template.</summary>
    public sealed class WithTemplate(TestDatabase database) : WhatsAppTestBase(database)
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["WHATSAPP_TEMPLATE_REPLY"] = "farmer_reply:hr" };

        [Fact]
        public async Task Outside_the_window_the_approved_template_carries_the_reply()
        {
            await using (var db = Database.CreateContext())
            {
                var at = DateTimeOffset.UtcNow.AddHours(-30);
                var message = new InboundMessage
                {
                    Provider = ChannelProviders.Meta, ProviderMessageId = "wamid.old", Sender = "+385911234567", Type = "text", Text = "?", Payload = "{}",
                    ReceivedAt = at, State = InboxStates.Answered, NextAttemptAt = at,
                };
                db.WhatsAppInbox.Add(message);
                await db.SaveChangesAsync();
                db.WhatsAppOutbox.Add(new OutboundMessage
                {
                    InboxId = message.Id, Provider = ChannelProviders.Meta, Recipient = "+385911234567", Kind = "text", Body = "Stručni odgovor agronoma",
                    Status = OutboxStates.Queued, NextAttemptAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                });
                await db.SaveChangesAsync();
            }
            var sent = Assert.Single(await Meta.WaitForAsync(m => m.To == "+385911234567", 1, TimeSpan.FromSeconds(20)));
            Assert.Equal("template", sent.Type);
            var template = System.Text.Json.Nodes.JsonNode.Parse(sent.Raw)!["template"]!;
            Assert.Equal(("farmer_reply", "hr"), (template["name"]!.GetValue<string>(), template["language"]!["code"]!.GetValue<string>()));
            Assert.Equal("Stručni odgovor agronoma", sent.Text);
            var row = Assert.Single(await OutboxAsync("wamid.old", r => r.Count == 1 && r[0].Status != OutboxStates.Queued));
            Assert.Equal("template", row.SentAs);
            Assert.Contains("outside the 24-hour window", row.SkipReason);
        }
    }

    /// <summary>The send-failure metric as this process records it (the tests of this assembly run one at a time).</summary>
    private sealed class SendFailureCounter : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
        private long _meta;

        public SendFailureCounter()
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == AvaOlo.ServiceDefaults.Telemetry.ChannelMetrics.SendFailures.Instrument) l.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                    if (tag is { Key: "provider", Value: ChannelProviders.Meta }) Interlocked.Add(ref _meta, value);
            });
            _listener.Start();
        }

        public long Meta => Interlocked.Read(ref _meta);

        public void Dispose() => _listener.Dispose();
    }
}
