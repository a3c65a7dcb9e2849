using System.Net;
using AvaOlo.AgriculturalCore.Assistant.Confirmations;
using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using AvaOlo.AgriculturalCore.DataRights;
using AvaOlo.Data.Entities;
using AvaOlo.Data.Knowledge;
using AvaOlo.ChannelStandIns;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AvaOlo.AgriculturalCore.Tests.DataRights;

/// <summary>A farmer whose data fills every table that can hold it, all made through the real API (and the consent ledger).</summary>
public sealed record Person(int Id, string Key, string Name, string Phone, string NationalNumber, string Email, string Address, string Vat,
    string FarmName, int FieldId, string FieldName, string Question)
{
    /// <summary>Everything that identifies the person, as it may appear in any text column.</summary>
    public string[] Identity => [Name, Name.Split(' ')[^1], Phone, NationalNumber, Email, Address, Vat, FarmName, FieldName];
}

/// <summary>The core service with a fake model server (so questions leave model calls behind), and helpers to fill a farmer's data.</summary>
public abstract class DataRightsTestBase(TestDatabase database) : ApiTestBase(database), IAsyncLifetime
{
    private FakeModelServer? _model;
    private CloudApiStandIn? _meta;
    internal const string AppSecret = "data-rights-app-secret";
    private const string PhoneNumberId = "106540352242922";

    protected virtual Dictionary<string, string?> ExtraSettings => [];

    protected override IReadOnlyDictionary<string, string?>? Settings
    {
        get
        {
            _model ??= new FakeModelServer { Default = FakeReply.Text("Karenca za Prosaro 250 EC u pšenici iznosi 42 dana.") };
            // Settings are read synchronously when the factory starts; the stand-in starts in a moment on a free port.
            _meta ??= CloudApiStandIn.StartAsync("data-rights-token", PhoneNumberId, AppSecret).GetAwaiter().GetResult();
            var settings = new Dictionary<string, string?>(ExtraSettings)
            {
                ["OPENAI_BASE_URL"] = _model.BaseUrl.ToString(), ["OPENAI_MODEL"] = "fake-model",
                ["LLM_TIMEOUT_SECONDS"] = "5", ["LLM_DEADLINE_SECONDS"] = "10",
                // WhatsApp on, so a farmer's messages and our answers are data to export and erase as well.
                ["WHATSAPP_APP_SECRET"] = AppSecret, ["WHATSAPP_VERIFY_TOKEN"] = "data-rights-verify", ["WHATSAPP_ACCESS_TOKEN"] = "data-rights-token",
                ["WHATSAPP_PHONE_NUMBER_ID"] = PhoneNumberId, ["WHATSAPP_GRAPH_URL"] = _meta.GraphUrl.ToString(),
            };
            return settings;
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_model is not null) await _model.DisposeAsync();
        if (_meta is not null) await _meta.DisposeAsync();
    }

    /// <summary>The erasure job of this instance, seeing the clock <paramref name="daysFromNow"/> days ahead.</summary>
    protected ErasureJob JobAt(double daysFromNow, ServiceHost<Program>? instance = null) =>
        ActivatorUtilities.CreateInstance<ErasureJob>((instance ?? Factory).Services,
            (TimeProvider)new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(daysFromNow)));

    protected static Task<Person> ZdravkoAsync(ServiceHost<Program> core, string adminKey, TestDatabase db) =>
        PersonAsync(core, adminKey, db, "Zdravko Brisanić", "+385987654321", "987654321", "zdravko.brisanic@example.hr",
            "Ulica Zaborava 12, Vinkovci", "HR12345678901", "OPG Brisanić");

    protected static Task<Person> AnaAsync(ServiceHost<Program> core, string adminKey, TestDatabase db) =>
        PersonAsync(core, adminKey, db, "Ana Ostajić", "+38640999888", "40999888", "ana.ostajic@example.si",
            "Cesta Spomina 3, Ptuj", "SI87654321", "Kmetija Ostajić");

    /// <summary>Registers the farmer and gives them fields, a planting, a task with a material, questions, model calls, consents and a key.</summary>
    protected static async Task<Person> PersonAsync(ServiceHost<Program> core, string adminKey, TestDatabase db, string name, string phone, string national,
        string email, string address, string vat, string farmName)
    {
        using var admin = core.Client(adminKey);
        var created = await HttpAssert.Json(await admin.Post("/api/v1/farmers", new { name, phone, email, farm_name = farmName, vat_number = vat, preferred_language = "hr" }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        string key;
        await using (var ctx = db.CreateContext()) key = await TestRecords.KeyAsync(ctx, $"{name}'s phone", id, ApiScopes.FarmerDefault); // a key named after its owner
        using var own = core.Client(key);
        await HttpAssert.Json(await own.Put($"/api/v1/farmers/{id}", new { name, phone, email, address, farm_name = farmName, vat_number = vat, preferred_language = "hr" }));
        var fieldName = $"Njiva {name}";
        var field = await HttpAssert.Json(await own.Post($"/api/v1/farmer/{id}/fields",
            new { name = fieldName, area_ha = 2.5, centroid_lat = 45.29, centroid_lon = 18.8, notes = $"zovite {phone}" }), HttpStatusCode.Created);
        var fieldId = field.GetProperty("id").GetInt32();
        await HttpAssert.Json(await own.Post($"/api/v1/fields/{fieldId}/plantings", new { crop_name = "pšenica", variety = "Srpanjka", season_year = 2026 }), HttpStatusCode.Created);
        var materials = await HttpAssert.Json(await own.GetAsync("/api/v1/materials?country_code=HR"));
        var prosaro = materials.EnumerateArray().First(m => m.GetProperty("name").GetString()!.StartsWith("Prosaro", StringComparison.Ordinal)).GetProperty("id").GetInt32();
        await HttpAssert.Json(await own.Post($"/api/v1/farmer/{id}/tasks", new
        {
            type = "spraying", status = "done", done_on = "2026-05-02", field_ids = new[] { fieldId },
            materials = new[] { new { material_id = prosaro, dose = 0.9 } }, notes = $"{name} prskao",
        }), HttpStatusCode.Created);
        var question = $"Koliko je karenca za \"Prosaro\", u pšenici?\nPozdrav, {name}";
        await HttpAssert.Json(await own.Post("/api/v1/farmer/query", new { query = question }));
        await HttpAssert.Json(await own.Post("/api/v1/farmer/query", new { query = "Kada mogu žeti pšenicu?" }));
        await WhatsAppAsync(core, db, phone, $"Ovdje {name}: kada mogu žeti pšenicu na njivi {fieldName}?");
        await using (var ctx = db.CreateContext()) // an agronomist's correction kept for this farmer (the dashboards write these)
        {
            ctx.KnowledgeEntries.Add(new KnowledgeEntry
            {
                Scope = KnowledgeScopes.Farmer, FarmerId = id, Question = question, Answer = $"Za njivu {fieldName}: 42 dana.", Language = "hr",
                CreatedBy = "agronomka.petra@avaolo.example", CreatedAt = DateTimeOffset.UtcNow,
            });
            // … and one the agronomist made from this farmer's exchange for every farmer in the country.
            var asked = await ctx.Conversations.Where(c => c.FarmerId == id && c.Question == question).Select(c => c.Id).FirstAsync();
            ctx.KnowledgeEntries.Add(new KnowledgeEntry
            {
                Scope = KnowledgeScopes.Country, CountryCode = "HR", Question = question, QuestionStems = KnowledgeText.Stems(question),
                Answer = "Karenca za Prosaro u pšenici je 42 dana.", Language = "hr", ConversationId = asked,
                CreatedBy = "agronomka.petra@avaolo.example", CreatedAt = DateTimeOffset.UtcNow,
            });
            await ctx.SaveChangesAsync();
        }
        using (var scope = core.Services.CreateScope()) // a change the farmer has not confirmed yet
            await scope.ServiceProvider.GetRequiredService<Proposals>().ProposeAsync(
                new Asking(new Asker(id, "HR", "hr", 0, phone), "whatsapp", null, true, null), Guid.NewGuid(), PendingActionKinds.RecordTask,
                new { type = "harvest", field_ids = new[] { fieldId } }, $"Žetva na njivi {fieldName}", default);
        var consents = core.Services.GetRequiredService<ConsentLedger>();
        await consents.RecordAsync(id, "terms", "2026-01", "whatsapp", default);
        await consents.RecordAsync(id, "voice_processing", "1", "whatsapp", default);
        await consents.WithdrawAsync(id, "voice_processing", default);
        // The number's WhatsApp standing (onboarding finished, then opted out): whatsapp_contacts names the farmer too.
        await using (var contacts = db.CreateContext())
        {
            contacts.WhatsAppContacts.Add(new WhatsAppContact
            {
                Phone = phone, Step = OnboardingSteps.Registered, FarmerId = id, Language = "hr", OptedOutAt = DateTimeOffset.UtcNow,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await contacts.SaveChangesAsync();
        }
        return new Person(id, key, name, phone, national, email, address, vat, farmName, fieldId, fieldName, question);
    }

    /// <summary>Sends a signed WhatsApp text from the farmer's phone and waits until it is answered (inbox and outbox rows).</summary>
    private static async Task WhatsAppAsync(ServiceHost<Program> core, TestDatabase database, string phone, string text)
    {
        using var client = new HttpClient();
        var wamid = $"wamid.{Guid.NewGuid():N}";
        var webhook = new Uri(core.BaseAddress, "/api/v1/whatsapp/webhook");
        using var sent = await CloudApiStandIn.PostSignedAsync(client, webhook, AppSecret, CloudApiPayloads.Text(PhoneNumberId, phone, wamid, text, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var until = DateTime.UtcNow.AddSeconds(30);
        await using var db = database.CreateContext();
        while (!await db.WhatsAppOutbox.AnyAsync(o => db.WhatsAppInbox.Any(i => i.Id == o.InboxId && i.ProviderMessageId == wamid && i.FarmerId != null)))
        {
            Assert.True(DateTime.UtcNow < until, $"the WhatsApp message from {phone} was not answered within 30 s");
            await Task.Delay(100);
        }
    }
}
