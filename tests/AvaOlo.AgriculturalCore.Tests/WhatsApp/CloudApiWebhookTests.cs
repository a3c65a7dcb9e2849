using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AvaOlo.ChannelStandIns;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>Meta's webhook over real HTTP: the handshake, signatures, bad bodies (nothing stored), and a text answered end to end.</summary>
public sealed class CloudApiWebhookTests(TestDatabase database) : WhatsAppTestBase(database)
{
    private const string Prosaro = "Koliko je karenca za Prosaro u pšenici?";

    [Theory]
    [InlineData("subscribe", VerifyToken, HttpStatusCode.OK)]
    [InlineData("subscribe", "wrong-token", HttpStatusCode.Forbidden)]
    [InlineData("subscribe", "", HttpStatusCode.Forbidden)]
    [InlineData("unsubscribe", VerifyToken, HttpStatusCode.Forbidden)]
    public async Task Verification_echoes_the_challenge_only_for_the_right_token(string mode, string token, HttpStatusCode expected)
    {
        var response = await Client.GetAsync(new Uri(Webhook, $"?hub.mode={mode}&hub.verify_token={Uri.EscapeDataString(token)}&hub.challenge=1158201444"));
        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK) return;
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_text_is_stored_answered_through_the_assistant_and_sent_quoting_it_with_statuses_back()
    {
        var wamid = CloudApiPayloads.NewMessageId();
        var response = await PostSignedAsync(CloudApiPayloads.Text(PhoneNumberId, "+385911234567", wamid, Prosaro, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var replies = await Meta.WaitForAsync(m => m.ReplyTo == wamid, 1, TimeSpan.FromSeconds(30));
        var reply = Assert.Single(replies);
        Assert.Equal("+385911234567", reply.To);
        Assert.Contains("42", reply.Text);
        var sent = JsonNode.Parse(reply.Raw)!;
        Assert.Equal("whatsapp", sent["messaging_product"]!.GetValue<string>());
        Assert.Equal("385911234567", sent["to"]!.GetValue<string>());
        Assert.Equal("text", sent["type"]!.GetValue<string>());

        // The stand-in posts sent, delivered, read back, signed: the row ends read.
        var rows = await OutboxAsync(wamid, r => r.Count == 1 && r[0].Status == OutboxStates.Read);
        var row = Assert.Single(rows);
        Assert.Equal(OutboxStates.Read, row.Status);
        Assert.Equal(reply.Id, row.ProviderMessageId);
        Assert.Equal("text", row.SentAs);
        Assert.NotNull(row.DeliveredAt);

        await using var db = Database.CreateContext();
        var inbox = await db.WhatsAppInbox.SingleAsync(i => i.ProviderMessageId == wamid);
        Assert.Equal((InboxStates.Answered, "text", Prosaro, W.A.Id), (inbox.State, inbox.Type, inbox.Text, inbox.FarmerId));
        var exchange = await db.Conversations.SingleAsync(c => c.Id == inbox.ConversationId);
        Assert.Equal(("whatsapp", Prosaro, W.A.Id), (exchange.Channel, exchange.Question, exchange.FarmerId));
    }

    [Fact]
    public async Task Missing_wrong_and_tampered_signatures_are_401_and_store_nothing()
    {
        var body = Bytes(CloudApiPayloads.Text(PhoneNumberId, "+385911234567", CloudApiPayloads.NewMessageId(), Prosaro, DateTimeOffset.UtcNow));
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("Prosaro", "Prosar0", StringComparison.Ordinal));
        var cases = new (byte[] Body, string? Signature)[]
        {
            (body, null),
            (body, ""),
            (body, Signatures.Meta("another-secret", body)),
            (body, Signatures.Meta(AppSecret, body).Replace("sha256=", "sha1=", StringComparison.Ordinal)),
            (body, "sha256=" + new string('0', 64)),
            (body, "sha256=zz"),
            (tampered, Signatures.Meta(AppSecret, body)),
        };
        foreach (var (b, signature) in cases)
        {
            var response = await PostRawAsync(b, signature);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("X-Hub-Signature-256", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(0, await InboxCountAsync());
    }

    [Theory]
    [InlineData("{not json", "body")]
    [InlineData("[]", "body")]
    [InlineData("{\"object\":\"page\",\"entry\":[]}", "object")]
    [InlineData("{\"object\":\"whatsapp_business_account\"}", "entry")]
    [InlineData("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"messages\":[{\"from\":\"123\",\"id\":\"wamid.x\",\"type\":\"text\"}]}}]}]}",
        "entry[0].changes[0].value.messages[0].from")]
    [InlineData("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"messages\":[{\"from\":\"385911234567\",\"type\":\"text\"}]}}]}]}",
        "entry[0].changes[0].value.messages[0].id")]
    public async Task Signed_bodies_that_are_not_notifications_are_400_naming_the_field(string json, string field)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var response = await PostRawAsync(body, Signatures.Meta(AppSecret, body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task A_notification_with_one_bad_message_stores_none_of_it()
    {
        var good = CloudApiPayloads.Text(PhoneNumberId, "+385911234567", CloudApiPayloads.NewMessageId(), "Dobar dan", DateTimeOffset.UtcNow);
        var messages = good["entry"]![0]!["changes"]![0]!["value"]!["messages"]!.AsArray();
        messages.Add(new JsonObject { ["from"] = "not-a-number", ["id"] = "wamid.bad", ["type"] = "text", ["text"] = new JsonObject { ["body"] = "x" } });
        var response = await PostSignedAsync(good);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_413()
    {
        var body = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"pad\":\"" + new string('x', 1024 * 1024) + "\"}");
        var response = await PostRawAsync(body, Signatures.Meta(AppSecret, body));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task Without_a_model_audio_image_and_an_unknown_numbers_location_are_stored_and_get_a_polite_reply_in_the_farmers_language()
    {
        var now = DateTimeOffset.UtcNow;
        var ids = new[] { CloudApiPayloads.NewMessageId(), CloudApiPayloads.NewMessageId(), CloudApiPayloads.NewMessageId() };
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(CloudApiPayloads.Audio(PhoneNumberId, "+385911234567", ids[0], now, "1066342337421321"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(CloudApiPayloads.Image(PhoneNumberId, "+38640123456", ids[1], now, "2754859441498128"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(CloudApiPayloads.Location(PhoneNumberId, "+359881234567", ids[2], now, 42.1354, 24.7453))).StatusCode);

        var replies = await Meta.WaitForAsync(m => ids.Contains(m.ReplyTo), 3, TimeSpan.FromSeconds(30));
        Assert.StartsWith("Hvala na glasovnoj poruci! Za slušanje glasovnih poruka potreban je AI savjetnik", replies.Single(r => r.ReplyTo == ids[0]).Text); // A: hr
        Assert.StartsWith("Hvala za fotografijo! Agronom si jo bo ogledal", replies.Single(r => r.ReplyTo == ids[1]).Text); // farmer B: sl
        Assert.StartsWith("Благодаря!", replies.Single(r => r.ReplyTo == ids[2]).Text);                                        // unknown +359: bg

        await using var db = Database.CreateContext();
        var stored = await db.WhatsAppInbox.OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(["audio", "image", "location"], stored.Select(s => s.Type));
        Assert.Equal("1066342337421321", JsonNode.Parse(stored[0].Payload)!["audio"]!["id"]!.GetValue<string>());
        Assert.Equal(42.1354, JsonNode.Parse(stored[2].Payload)!["location"]!["latitude"]!.GetValue<double>());
        Assert.All(stored, s => Assert.Equal(InboxStates.Answered, s.State));
    }

    [Fact]
    public async Task A_button_reply_is_answered_through_the_assistant_with_its_title()
    {
        var wamid = CloudApiPayloads.NewMessageId();
        await PostSignedAsync(CloudApiPayloads.ButtonReply(PhoneNumberId, "+385911234567", wamid, DateTimeOffset.UtcNow, "confirm-1", Prosaro, "wamid.previous"));
        Assert.Contains("42", Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == wamid, 1, TimeSpan.FromSeconds(30))).Text);
        await using var db = Database.CreateContext();
        Assert.Equal(("interactive", Prosaro), await db.WhatsAppInbox.Select(i => new ValueTuple<string, string?>(i.Type, i.Text)).SingleAsync());
    }
}
