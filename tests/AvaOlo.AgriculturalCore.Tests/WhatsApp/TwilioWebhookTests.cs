using System.Net;
using AvaOlo.ChannelStandIns;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>Twilio's form webhooks over real HTTP, signed over PUBLIC_BASE_URL; replies through the REST API stand-in.</summary>
public sealed class TwilioWebhookTests(TestDatabase database) : WhatsAppTestBase(database)
{
    private const string Path = "/api/v1/twilio/webhook";

    [Fact]
    public async Task A_signed_message_gets_empty_twiml_then_one_reply_through_the_REST_API_however_often_it_is_replayed()
    {
        var sid = TwilioStandIn.NewSid();
        var form = TwilioMessage(sid, "+385911234567", "Koliko je karenca za Prosaro u pšenici?");
        for (var i = 0; i < 3; i++)
        {
            var response = await PostTwilioAsync(Path, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("<Response/>", await response.Content.ReadAsStringAsync());
        }
        var reply = Assert.Single(await Twilio.WaitForAsync(m => m.To == "+385911234567", 1, TimeSpan.FromSeconds(30)));
        Assert.Contains("42", reply.Text);
        Assert.Contains("From=whatsapp:+14155238886", reply.Raw);
        Assert.Contains($"StatusCallback={PublicBaseUrl}/api/v1/twilio/status", reply.Raw);
        await Task.Delay(2000);
        Assert.Single(Twilio.Received);
        await using var db = Database.CreateContext();
        var inbox = await db.WhatsAppInbox.SingleAsync();
        Assert.Equal((ChannelProviders.Twilio, sid, "+385911234567", W.A.Id), (inbox.Provider, inbox.ProviderMessageId, inbox.Sender, inbox.FarmerId));
    }

    [Fact]
    public async Task Missing_wrong_and_wrong_url_signatures_are_401_and_store_nothing()
    {
        var form = TwilioMessage(TwilioStandIn.NewSid(), "+385911234567", "Dobar dan");
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, new Uri(Factory.BaseAddress, Path)) { Content = new FormUrlEncodedContent(form) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.SendAsync(unsigned)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostTwilioAsync(Path, form, token: "another-token")).StatusCode);
        // Signed over the address we listen on, not the public one Twilio was given: refused.
        var local = await TwilioStandIn.PostSignedAsync(Client, new Uri(Factory.BaseAddress, Path), TwilioToken, form);
        Assert.Equal(HttpStatusCode.Unauthorized, local.StatusCode);
        // A parameter changed after signing.
        var tampered = form.Select(kv => kv.Key == "Body" ? new KeyValuePair<string, string>("Body", "Obriši sve") : kv).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Factory.BaseAddress, Path)) { Content = new FormUrlEncodedContent(tampered) };
        request.Headers.Add("X-Twilio-Signature", Signatures.Twilio(TwilioToken, PublicBaseUrl + Path, form));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.SendAsync(request)).StatusCode);
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task A_signed_form_without_a_whatsapp_sender_is_400_naming_From()
    {
        var form = TwilioMessage(TwilioStandIn.NewSid(), "+385911234567", "x").Select(kv => kv.Key == "From" ? new KeyValuePair<string, string>("From", "+385911234567") : kv).ToList();
        var response = await PostTwilioAsync(Path, form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("From: must be whatsapp:+E164", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task Status_callbacks_move_the_outbox_row_forward_only()
    {
        var sid = TwilioStandIn.NewSid();
        await PostTwilioAsync(Path, TwilioMessage(sid, "+38640123456", "Dober dan"));
        var sent = Assert.Single(await OutboxAsync(sid, r => r.Count == 1 && r[0].Status == OutboxStates.Sent));
        async Task<string> After(string status, string? errorCode = null)
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new("AccountSid", TwilioSid), new("MessageSid", sent.ProviderMessageId!), new("MessageStatus", status), new("To", "whatsapp:+38640123456"),
            };
            if (errorCode is not null) form.Add(new("ErrorCode", errorCode));
            (await PostTwilioAsync(TwilioWebhookPaths.Status, form)).EnsureSuccessStatusCode();
            await using var db = Database.CreateContext();
            return (await db.WhatsAppOutbox.AsNoTracking().SingleAsync(o => o.Id == sent.Id)).Status;
        }
        Assert.Equal(OutboxStates.Sent, await After("sending"));
        Assert.Equal(OutboxStates.Read, await After("read"));
        Assert.Equal(OutboxStates.Read, await After("delivered"));
        Assert.Equal(OutboxStates.Read, await After("undelivered", "63016"));
    }
}

internal static class TwilioWebhookPaths
{
    public const string Status = "/api/v1/twilio/status";
}
