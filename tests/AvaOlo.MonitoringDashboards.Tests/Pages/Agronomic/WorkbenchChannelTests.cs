using System.Net;
using AvaOlo.ChannelStandIns;
using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.MonitoringDashboards.Tests.Pages.Agronomic;

/// <summary>
/// The workbench shows a WhatsApp exchange's channel, transcript and a link to its media; the link streams the media from
/// the provider's stand-in over real HTTP, with credentials only the dashboards hold.
/// </summary>
[Collection("database")]
public sealed class WorkbenchChannelTests(DashboardsServer server) : DashboardTest(server)
{
    private const string MetaToken = "EAAG-dashboards-test-token";
    private const string TwilioSid = "AC0123456789abcdef0123456789abcdef";
    private const string TwilioToken = "twilio-dashboards-test-token";
    private static readonly byte[] Voice = [0x4F, 0x67, 0x67, 0x53, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8];
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 9, 8, 7, 6, 5, 4];

    [Fact]
    public async Task A_voice_note_shows_its_transcript_and_streams_from_the_cloud_api_without_exposing_the_token()
    {
        await using var meta = await CloudApiStandIn.StartAsync(MetaToken, "1234567890", "app-secret");
        var mediaId = meta.AddMedia(Voice, "audio/ogg");
        var c = await ExchangeAsync(ChannelProviders.Meta, "audio", mediaId, "audio/ogg", "Kdaj je potrebno pošpricati paradižnik proti plesni?", "sl", 4.2);
        using var instance = Server.StartAnotherInstance(Settings(meta, null));
        using var browser = await SignedInAtAsync(instance.BaseAddress, UserRoles.Agronomist);

        var (status, html) = await browser.GetPageAsync("/agronomic");
        Assert.Equal(HttpStatusCode.OK, status);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("Received on WhatsApp via the Cloud API: <strong>voice note (4 s)</strong>", text, StringComparison.Ordinal);
        Assert.Contains("Voice note transcript (heard as sl)", text, StringComparison.Ordinal);
        Assert.Contains("<p class=\"farmer-text transcript\" lang=\"sl\">Kdaj je potrebno pošpricati paradižnik proti plesni?</p>", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"/agronomic/media/{c.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(MetaToken, html, StringComparison.Ordinal);
        Assert.DoesNotContain(mediaId, html, StringComparison.Ordinal);

        using var media = await browser.GetAsync($"/agronomic/media/{c.Id}");
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        Assert.Equal("audio/ogg", media.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Voice, await media.Content.ReadAsByteArrayAsync());
        Assert.Contains("no-store", media.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal([mediaId], meta.MediaServed);
    }

    [Fact]
    public async Task A_twilio_photo_streams_with_basic_auth_and_a_url_off_twilio_is_refused()
    {
        await using var twilio = await TwilioStandIn.StartAsync(TwilioSid, TwilioToken);
        var url = twilio.AddMedia(Photo, "image/jpeg");
        var photo = await ExchangeAsync(ChannelProviders.Twilio, "image", url, "image/jpeg", null, null, null);
        var elsewhere = await ExchangeAsync(ChannelProviders.Twilio, "image", "http://127.0.0.1:9/2010-04-01/Accounts/x/Media/y", "image/jpeg", null, null, null);
        using var instance = Server.StartAnotherInstance(Settings(null, twilio));
        using var browser = await SignedInAtAsync(instance.BaseAddress, UserRoles.Agronomist);

        var (_, html) = await browser.GetPageAsync("/agronomic");
        Assert.Contains("Received on WhatsApp via Twilio: <strong>photo</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Open the photo</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(TwilioToken, html, StringComparison.Ordinal);

        using var media = await browser.GetAsync($"/agronomic/media/{photo.Id}");
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        Assert.Equal("image/jpeg", media.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Photo, await media.Content.ReadAsByteArrayAsync());
        Assert.Single(twilio.MediaServed);

        using var refused = await browser.GetAsync($"/agronomic/media/{elsewhere.Id}");
        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Contains("not on Twilio's API address", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Media_ids_are_checked_against_the_reader_and_the_stored_exchange()
    {
        await using var meta = await CloudApiStandIn.StartAsync(MetaToken, "1234567890", "app-secret");
        var voice = await ExchangeAsync(ChannelProviders.Meta, "audio", meta.AddMedia(Voice, "audio/ogg"), "audio/ogg", "Koliko?", "hr", 2);
        var text = await ExchangeAsync(ChannelProviders.Meta, "text", null, null, null, null, null);
        var erased = await ExchangeAsync(ChannelProviders.Meta, "audio", meta.AddMedia(Voice, "audio/ogg"), "audio/ogg", "Koliko?", "hr", 2, erasedFarmer: true);
        using var instance = Server.StartAnotherInstance(Settings(meta, null));

        using (var anonymous = Browser.Open(instance.BaseAddress))
            AssertRedirectsToLogin(await anonymous.GetAsync($"/agronomic/media/{voice.Id}"), $"/agronomic/media/{voice.Id}");
        using (var business = await SignedInAtAsync(instance.BaseAddress, UserRoles.Business))
            AssertAccessDenied(await business.GetAsync($"/agronomic/media/{voice.Id}"));
        using var agronomist = await SignedInAtAsync(instance.BaseAddress, UserRoles.Agronomist);
        using (var r = await agronomist.GetAsync($"/agronomic/media/{text.Id}")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await agronomist.GetAsync($"/agronomic/media/{erased.Id}")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await agronomist.GetAsync("/agronomic/media/999999999")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await agronomist.GetAsync("/agronomic/media/abc"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"id\"", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Empty(meta.MediaServed);
    }

    [Fact]
    public async Task Without_the_providers_credentials_the_link_says_which_are_missing()
    {
        var voice = await ExchangeAsync(ChannelProviders.Meta, "audio", "1234", "audio/ogg", "Koliko?", "hr", 2);
        using var agronomist = await SignedInAsync(UserRoles.Agronomist);

        using var r = await agronomist.GetAsync($"/agronomic/media/{voice.Id}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
        Assert.Contains("WHATSAPP_ACCESS_TOKEN", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(CloudApiStandIn? meta, TwilioStandIn? twilio) => new()
    {
        ["WHATSAPP_ACCESS_TOKEN"] = meta?.AccessToken, ["WHATSAPP_GRAPH_URL"] = meta?.GraphUrl.ToString(),
        ["TWILIO_ACCOUNT_SID"] = twilio?.AccountSid, ["TWILIO_AUTH_TOKEN"] = twilio?.AuthToken, ["TWILIO_API_URL"] = twilio?.Address.ToString(),
    };

    private async Task<Browser> SignedInAtAsync(Uri address, string role)
    {
        await Seed.UserAsync(Database, role, role);
        var browser = Browser.Open(address);
        await browser.LoginOkAsync(role, Seed.Password);
        return browser;
    }

    /// <summary>A WhatsApp question answered by the assistant: its conversation, and the inbox row it came in.</summary>
    private async Task<Conversation> ExchangeAsync(string provider, string type, string? mediaRef, string? mediaType, string? transcript,
        string? language, double? seconds, bool erasedFarmer = false)
    {
        var farmer = await Seed.FarmerAsync(Database, $"+38640{Random.Shared.Next(100000, 999999)}", 1m);
        var c = await Seed.ConversationAsync(Database, farmer.Id, transcript ?? "Slika", channel: "whatsapp");
        await using var db = Database.CreateContext();
        db.WhatsAppInbox.Add(new InboundMessage
        {
            Provider = provider, ProviderMessageId = "wamid." + Guid.NewGuid().ToString("N"), Sender = farmer.Phone, Type = type, Payload = "{}",
            State = InboxStates.Answered, ReceivedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow, FarmerId = farmer.Id,
            ConversationId = c.Id, MediaRef = mediaRef, MediaType = mediaType, Transcript = transcript, TranscriptLanguage = language, AudioSeconds = seconds,
        });
        if (erasedFarmer) await db.Farmers.Where(f => f.Id == farmer.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.DeletedAt, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return c;
    }
}
