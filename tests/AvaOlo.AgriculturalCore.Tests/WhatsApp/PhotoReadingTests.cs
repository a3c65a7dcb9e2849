using System.Net;
using System.Text.Json.Nodes;
using AvaOlo.AgriculturalCore.WhatsApp.Media;
using AvaOlo.ChannelStandIns;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>
/// With a vision model, a photo gets the model's cautious reading (the image sent as OpenAI image content), on both
/// providers, and still waits for an agronomist; a failed or dosing reading falls back to the acknowledgement.
/// </summary>
public sealed class PhotoReadingTests(TestDatabase database) : WhatsAppTestBase(database)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0xFF, 0xD9];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];
    private const string Reading = "Na listih so rjave pege z rumenim robom, morda listna pegavost (septorioza); ni pa gotovo. Preverite spodnje liste.";

    protected override bool WithModel => true;
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["VISION_MODEL"] = "fake-vision" };

    /// <summary>Answers only a request that carries exactly this image for the vision model; anything else is refused.</summary>
    private static FakeReply ReadsOnly(byte[] image, string mediaType, string reading) => FakeReply.From(request =>
        FakeModelImages.Read(request).Images is [var sent] && sent.MediaType == mediaType && sent.Bytes!.SequenceEqual(image)
            && request["model"]?.GetValue<string>() == "fake-vision"
            ? FakeReply.Text(reading) : FakeReply.Status(400, "{\"error\":{\"message\":\"not the expected image\"}}"));

    [Fact]
    public async Task A_cloud_api_photo_gets_the_models_reading_in_the_farmers_language_flagged_for_review()
    {
        var mediaId = Meta.AddMedia(Jpeg, "image/jpeg");
        Model!.Then(ReadsOnly(Jpeg, "image/jpeg", Reading));
        var wamid = CloudApiPayloads.NewMessageId();
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(CloudApiPayloads.Image(PhoneNumberId, W.B.Phone, wamid, DateTimeOffset.UtcNow, mediaId, "Kaj je to na listih?"))).StatusCode);

        var reply = Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == wamid, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal($"{Reading}\n\nHvala za fotografijo! Agronom si jo bo ogledal in vam odgovoril.", reply.Text);
        Assert.Single(Meta.MediaServed);
        var request = JsonNode.Parse(Assert.Single(Model.Requests))!;
        Assert.Contains("Slovenian", request["messages"]![0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Never give a dose", request["messages"]![0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Kaj je to na listih?", FakeModelImages.UserText(request));
        await using var db = Database.CreateContext();
        var inbox = await db.WhatsAppInbox.SingleAsync(i => i.ProviderMessageId == wamid);
        Assert.Equal(InboxReviewFlags.Image, inbox.ReviewFlag);
        var exchange = await db.Conversations.SingleAsync(c => c.Id == inbox.ConversationId);
        Assert.Equal(("Kaj je to na listih?", ReviewStates.Pending, AnswerMethods.Llm, "fake-vision", reply.Text, "sl"),
            (exchange.Question, exchange.ReviewState, exchange.Method, exchange.Model, exchange.Answer, exchange.Language));
        var call = await db.LlmCalls.SingleAsync(c => c.ConversationId == exchange.Id);
        Assert.Equal(("photo", true, "fake-vision"), (call.Purpose, call.Success, call.Model));
    }

    [Fact]
    public async Task A_twilio_photo_is_fetched_with_basic_auth_and_read_and_the_caption_is_redacted_on_the_way()
    {
        var url = Twilio.AddMedia(Png, "image/png");
        const string reading = "Na fotografiji je kukuruz s oštećenim listovima, moguće od tuče. Provjerite ima li oštećenja na stabljici.";
        Model!.Then(ReadsOnly(Png, "image/png", reading));
        var form = TwilioMessage(TwilioStandIn.NewSid(), W.A.Phone, "Zovite me na 091 765 4321, što je ovo?");
        form.RemoveAll(kv => kv.Key == "NumMedia");
        form.AddRange([new("NumMedia", "1"), new("MediaUrl0", url), new("MediaContentType0", "image/png")]);
        Assert.Equal(HttpStatusCode.OK, (await PostTwilioAsync("/api/v1/twilio/webhook", form)).StatusCode);

        var reply = Assert.Single(await Twilio.WaitForAsync(m => m.To == W.A.Phone, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal($"{reading}\n\nHvala na fotografiji! Agronom će je pogledati i odgovoriti vam.", reply.Text);
        Assert.Single(Twilio.MediaServed);
        Assert.DoesNotContain("765 4321", Model.AllReceived, StringComparison.Ordinal);
        Assert.Single(Model.Images);
        await using var db = Database.CreateContext();
        var inbox = await db.WhatsAppInbox.SingleAsync(i => i.Provider == ChannelProviders.Twilio);
        Assert.Equal((InboxReviewFlags.Image, "image/png"), (inbox.ReviewFlag, inbox.MediaType));
    }

    [Theory]
    [InlineData("failure")]
    [InlineData("dose")]
    public async Task A_failed_or_dosing_reading_falls_back_to_the_acknowledgement_and_the_call_is_logged(string what)
    {
        var mediaId = Meta.AddMedia(Jpeg, "image/jpeg");
        Model!.Default = what == "failure" ? FakeReply.Status(500) : FakeReply.Text("To je septorioza: poškropite s Prosarom 250 EC, 1 l/ha.");
        var wamid = CloudApiPayloads.NewMessageId();
        (await PostSignedAsync(CloudApiPayloads.Image(PhoneNumberId, W.B.Phone, wamid, DateTimeOffset.UtcNow, mediaId))).EnsureSuccessStatusCode();

        var reply = Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == wamid, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal("Hvala za fotografijo! Agronom si jo bo ogledal in vam odgovoril.", reply.Text);
        Assert.NotEmpty(Model.Images);
        await using var db = Database.CreateContext();
        var inbox = await db.WhatsAppInbox.SingleAsync(i => i.ProviderMessageId == wamid);
        Assert.Equal((InboxStates.Answered, InboxReviewFlags.Image), (inbox.State, inbox.ReviewFlag));
        var exchange = await db.Conversations.SingleAsync(c => c.Id == inbox.ConversationId);
        Assert.Equal((AnswerMethods.Offline, ReviewStates.Pending), (exchange.Method, exchange.ReviewState));
        var call = await db.LlmCalls.SingleAsync(c => c.ConversationId == exchange.Id);
        Assert.Equal(("photo", false), (call.Purpose, call.Success));
        Assert.Contains(what == "failure" ? "500" : "dose", call.Error, StringComparison.Ordinal);
    }
}

/// <summary>The last check on a photo's reading: an amount of product is a dose, a share of leaves is not.</summary>
public sealed class PhotoPromptTests
{
    [Theory]
    [InlineData("Poškropite s Prosarom, 1 l/ha.", true)]
    [InlineData("Use 0,75 L/ha.", true)]
    [InlineData("Dodajte 200 ml na 10 l vode.", true)]
    [InlineData("2 kg/ha dušika", true)]
    [InlineData("0.75–1 l/ha", true)]
    [InlineData("Okoli 30 % listov ima pege.", false)]
    [InlineData("Rastline so visoke 40 cm, na 2 listih so pege.", false)]
    [InlineData("Preverite 5 listov na spodnjem delu.", false)]
    [InlineData("Na fotografiji je kukuruz s oštećenim listovima.", false)]
    public void A_dose_is_an_amount_of_product(string text, bool dose) => Assert.Equal(dose, PhotoPrompt.HasDose(text));

    [Fact]
    public void The_prompt_names_the_language_and_forbids_doses() =>
        Assert.Contains("written in Croatian (language code hr)", PhotoPrompt.System("hr"), StringComparison.Ordinal);
}
