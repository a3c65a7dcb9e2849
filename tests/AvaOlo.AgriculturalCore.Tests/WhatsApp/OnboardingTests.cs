using System.Net;
using AvaOlo.ChannelStandIns;
using AvaOlo.AgriculturalCore.WhatsApp.Onboarding;
using AvaOlo.AgriculturalCore.DataRights;
using AvaOlo.Data.Entities;
using Microsoft.Extensions.DependencyInjection;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>
/// Onboarding and opt-out over real HTTP: signed Cloud API webhooks in, the Graph API stand-in receiving our replies,
/// and an OpenAI-compatible fake model server, so the tests can read everything the model was told.
/// </summary>
public sealed class OnboardingTests(TestDatabase database) : WhatsAppTestBase(database), IAsyncDisposable
{
    private readonly FakeModelServer _model = new() { Default = FakeReply.Text("Hvala na vprašanju.") };

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["OPENAI_BASE_URL"] = _model.BaseUrl.ToString(), ["OPENAI_MODEL"] = "fake-model", ["LLM_TIMEOUT_SECONDS"] = "5", ["LLM_DEADLINE_SECONDS"] = "10",
    };

    async ValueTask IAsyncDisposable.DisposeAsync() => await _model.DisposeAsync();

    public static TheoryData<string, string, string, string, string, string, string, string> Languages => new()
    {
        // phone, first question, name, farm, yes, the language we expect, its country, a word of its consent question
        { "+38641234567", "Kdaj je potrebno pošpricati paradižnik proti plesni?", "Marija Novak", "Kmetija Pri Lipi", "Da", "sl", "SI", "Se strinjate?" },
        { "+359881234567", "Кога да бера манго в градината край Пловдив?", "Георги Иванов", "Манго Пловдив", "да", "bg", "BG", "Съгласни ли сте?" },
        // A Hungarian speaker with a Croatian number: country HR, language hu.
        { "+385981234567", "Mikor kell permetezni a paradicsomot a peronoszpóra ellen?", "Kovács Éva", "Kovács Gazdaság", "igen", "hu", "HR", "Egyetért?" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task An_unknown_number_is_answered_then_registered_with_consent_in_its_language(
        string phone, string question, string name, string farm, string yes, string language, string country, string consentWord)
    {
        var first = await ExchangeAsync(phone, question);
        Assert.EndsWith(Phrase(language, p => p.Intro), first);

        var askFarm = await ExchangeAsync(phone, name);
        Assert.Contains(name, askFarm);
        Assert.EndsWith(Phrase(language, p => p.AskFarm), askFarm);

        var consent = await ExchangeAsync(phone, farm);
        Assert.Contains(FarmerRegistration.ConsentVersion, consent);
        Assert.Contains(consentWord, consent);
        Assert.Contains(farm, consent);

        var welcome = await ExchangeAsync(phone, yes);
        Assert.Contains(name, welcome);

        await using var db = Database.CreateContext();
        var farmer = await db.Farmers.SingleAsync(f => f.Phone == phone);
        Assert.Equal((name, farm, country, language), (farmer.Name, farmer.FarmName, farmer.CountryCode, farmer.PreferredLanguage));
        var consents = await db.Consents.Where(c => c.FarmerId == farmer.Id).OrderBy(c => c.Purpose).ToListAsync();
        Assert.Equal(["terms", "whatsapp_messages"], consents.Select(c => c.Purpose));
        Assert.All(consents, c => Assert.Equal((FarmerRegistration.ConsentVersion, "whatsapp", (DateTimeOffset?)null), (c.TextVersion, c.Channel, c.WithdrawnAt)));
        var audit = await db.AuditLog.SingleAsync(a => a.EntityType == "farmers" && a.EntityId == farmer.Id.ToString());
        Assert.Equal(("create", "whatsapp", "whatsapp onboarding", farmer.Id), (audit.Action, audit.ActorType, audit.ActorName, audit.FarmerId));
        var contact = await db.WhatsAppContacts.SingleAsync(c => c.Phone == phone);
        Assert.Equal((OnboardingSteps.Registered, farmer.Id, null, null), (contact.Step, contact.FarmerId, contact.Name, contact.FarmName));

        // The question went to the model; the name and the farm's name never did.
        Assert.Contains(question, _model.AllReceived);
        Assert.DoesNotContain(name, _model.AllReceived);
        Assert.DoesNotContain(farm, _model.AllReceived);
    }

    [Fact]
    public async Task A_question_in_the_middle_is_answered_and_the_pending_question_asked_again_and_a_no_registers_nobody()
    {
        const string phone = "+38641234568";
        await ExchangeAsync(phone, "Kdaj je potrebno pošpricati paradižnik proti plesni?");
        var again = await ExchangeAsync(phone, "Koliko časa mora preteči do spravila?");
        Assert.EndsWith(Phrase("sl", p => p.AskName), again);
        await ExchangeAsync(phone, "Janez Kranjc");
        await ExchangeAsync(phone, "Kmetija Kranjc");
        var refused = await ExchangeAsync(phone, "ne");
        Assert.Equal(Phrase("sl", p => p.Refused), refused);

        // Later questions are answered without onboarding asking again.
        var later = await ExchangeAsync(phone, "Kdaj sejati koruzo?");
        Assert.DoesNotContain(Phrase("sl", p => p.Intro), later);

        await using var db = Database.CreateContext();
        Assert.False(await db.Farmers.IgnoreQueryFilters().AnyAsync(f => f.Phone == phone));
        var contact = await db.WhatsAppContacts.SingleAsync(c => c.Phone == phone);
        Assert.Equal((OnboardingSteps.Refused, null, null), (contact.Step, contact.Name, contact.FarmName));
        Assert.NotNull(contact.RefusedAt);
        Assert.DoesNotContain("Janez Kranjc", _model.AllReceived);
    }

    [Fact]
    public async Task Stop_sends_one_confirmation_then_nothing_until_start()
    {
        const string phone = "+385911234567"; // farmer A, registered, Croatian
        await Factory.Services.GetRequiredService<ConsentLedger>().RecordAsync(W.A.Id, FarmerRegistration.MessagesPurpose, "2026-01", "api", default);
        await ExchangeAsync(phone, "Dobar dan");
        var confirmed = await ExchangeAsync(phone, "ODJAVA");
        Assert.Equal(Phrase("hr", p => p.OptedOut), confirmed);

        var ignoredQuestion = await SendAsync(phone, "Koliko je karenca za Prosaro u pšenici?");
        var secondStop = await SendAsync(phone, "stop");
        var skipped = await OutboxAsync(secondStop, r => r.Count == 1 && r[0].Status == OutboxStates.Skipped);
        Assert.Equal((OutboxStates.Skipped, "opted_out"), (skipped.Single().Status, skipped.Single().SkipReason));
        var question = await OutboxAsync(ignoredQuestion, r => r.Count == 1 && r[0].Status == OutboxStates.Skipped);
        Assert.Equal("opted_out", question.Single().SkipReason);
        Assert.DoesNotContain(Meta.Received, m => m.ReplyTo == ignoredQuestion || m.ReplyTo == secondStop);

        await using (var db = Database.CreateContext())
        {
            var messages = await db.Consents.SingleAsync(c => c.FarmerId == W.A.Id && c.Purpose == FarmerRegistration.MessagesPurpose);
            Assert.NotNull(messages.WithdrawnAt);
            Assert.NotNull((await db.WhatsAppContacts.SingleAsync(c => c.Phone == phone)).OptedOutAt);
        }

        var back = await ExchangeAsync(phone, "START");
        Assert.Equal(Phrase("hr", p => p.OptedIn), back);
        var answered = await ExchangeAsync(phone, "Koliko je karenca za Prosaro u pšenici?");
        Assert.False(string.IsNullOrWhiteSpace(answered));

        await using var after = Database.CreateContext();
        Assert.Null((await after.WhatsAppContacts.SingleAsync(c => c.Phone == phone)).OptedOutAt);
        Assert.True(await after.Consents.AnyAsync(c => c.FarmerId == W.A.Id && c.Purpose == FarmerRegistration.MessagesPurpose && c.WithdrawnAt == null));
    }

    [Fact]
    public async Task An_unknown_number_can_opt_out_before_registering()
    {
        const string phone = "+4915123456789";
        Assert.Equal(Phrase("de", p => p.OptedOut), await ExchangeAsync(phone, "abmelden"));
        var ignored = await SendAsync(phone, "Wann soll ich Weizen säen?");
        var rows = await OutboxAsync(ignored, r => r.Count == 1 && r[0].Status == OutboxStates.Skipped);
        Assert.Equal("opted_out", rows.Single().SkipReason);
        await using var db = Database.CreateContext();
        var contact = await db.WhatsAppContacts.SingleAsync(c => c.Phone == phone);
        Assert.Equal((OnboardingSteps.None, (int?)null), (contact.Step, contact.FarmerId));
        Assert.NotNull(contact.OptedOutAt);
    }

    private static string Phrase(string language, Func<OnboardingPhrases, string> pick) => pick(OnboardingPhrases.For(language));

    private async Task<string> SendAsync(string phone, string text)
    {
        var wamid = CloudApiPayloads.NewMessageId();
        var response = await PostSignedAsync(CloudApiPayloads.Text(PhoneNumberId, phone, wamid, text, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return wamid;
    }

    /// <summary>Sends a text and returns the reply the stand-in received (all parts joined).</summary>
    private async Task<string> ExchangeAsync(string phone, string text)
    {
        var wamid = await SendAsync(phone, text);
        var replies = await Meta.WaitForAsync(m => m.ReplyTo == wamid, 1, TimeSpan.FromSeconds(60));
        Assert.True(replies.Count >= 1, $"no reply to \"{text}\" from {phone}");
        return string.Join(" ", replies.Select(r => r.Text));
    }
}
