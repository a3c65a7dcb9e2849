using System.Net;
using System.Text.Json;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.MonitoringDashboards.Tests.Pages.Agronomic;

/// <summary>
/// The loop, over real HTTP through both services: a farmer asks the core, an agronomist corrects the answer on the
/// workbench and keeps it at a scope, and the NEXT farmer asking the same thing gets the correction, cited.
/// </summary>
[Collection("database")]
public sealed class KnowledgeLoopTests(DashboardsServer server) : DashboardTest(server)
{
    private const string Question = "Koliko je karenca za Prosaro u pšenici?";
    private const string Reworded = "Kolika je karenca za Prosaro kod pšenice";
    private const string Cited = "prema savjetu vašeg agronoma";

    [Fact]
    public async Task A_correction_reaches_the_next_farmer_at_the_scope_the_agronomist_picked()
    {
        var ana = await FarmerAsync("+385911000001", "HR");
        var ivo = await FarmerAsync("+385911000002", "HR");
        var eva = await FarmerAsync("+38640111333", "SI");
        await using var core = await CoreService.StartAsync(Database);
        using var agronomist = await SignedInAsync(UserRoles.Agronomist);
        object Ask(Farmer f, string q = Question) => new { query = q, farmer_id = f.Id, language = "hr" };

        // Farmer scope: only Ana gets it, also when she rewords the question; Ivo, same country, does not.
        var first = await core.AskAsync(Ask(ana));
        Assert.DoesNotContain("Pričekajte 42 dana", Text(first), StringComparison.Ordinal);
        await CorrectAsync(agronomist, ExchangeId(first), "Edit", "Pričekajte 42 dana od prskanja do žetve.", "farmer");
        var again = await core.AskAsync(Ask(ana, Reworded));
        Assert.StartsWith("Pričekajte 42 dana od prskanja do žetve. (" + Cited + ", ", Text(again), StringComparison.Ordinal);
        Assert.Equal("offline", again.GetProperty("method").GetString());
        Assert.Contains(again.GetProperty("sources").EnumerateArray(), s => s.GetProperty("type").GetString() == "agronomist_knowledge");
        Assert.DoesNotContain("Pričekajte", Text(await core.AskAsync(Ask(ivo))), StringComparison.Ordinal);

        // Country scope: Ivo's question corrected for HR reaches a farmer of HR, not one of SI.
        var ivos = await core.AskAsync(Ask(ivo));
        await CorrectAsync(agronomist, ExchangeId(ivos), "Reply", "U Hrvatskoj: 42 dana karence za pšenicu.", "country");
        var marko = await FarmerAsync("+385911000003", "HR");
        Assert.StartsWith("U Hrvatskoj: 42 dana karence za pšenicu. (" + Cited, Text(await core.AskAsync(Ask(marko))), StringComparison.Ordinal);
        Assert.StartsWith("Pričekajte 42 dana", Text(await core.AskAsync(Ask(ana))), StringComparison.Ordinal); // her own entry comes first
        var evas = await core.AskAsync(Ask(eva));
        Assert.DoesNotContain("42 dana karence", Text(evas), StringComparison.Ordinal);

        // Global scope: now Eva, in another country, gets it too.
        await CorrectAsync(agronomist, ExchangeId(evas), "Edit", "Karenca za Prosaro u pšenici je 42 dana; provjerite etiketu u svojoj zemlji.", "global");
        Assert.StartsWith("Karenca za Prosaro u pšenici je 42 dana; provjerite", Text(await core.AskAsync(Ask(eva))), StringComparison.Ordinal);
        // A neighbouring question is not answered with it.
        Assert.DoesNotContain("provjerite etiketu", Text(await core.AskAsync(Ask(eva, "Koliko je karenca za Prosaro u kukuruzu?"))), StringComparison.Ordinal);

        await using var db = Database.CreateContext();
        var entries = await db.KnowledgeEntries.OrderBy(k => k.Id).ToListAsync();
        Assert.Equal([("farmer", (int?)ana.Id, (string?)null), ("country", null, "HR"), ("global", null, null)],
            entries.Select(k => (k.Scope, k.FarmerId, k.CountryCode)));
        Assert.All(entries, k => Assert.Equal((UserRoles.Agronomist, "hr", Question), (k.CreatedBy, k.Language, k.Question)));

        // Retired on the workbench, the global entry is no longer given.
        var (_, page) = await agronomist.GetPageAsync("/agronomic");
        Assert.Contains($"<tr id=\"knowledge-{entries[2].Id}\"><td>everyone (hr)</td>", page, StringComparison.Ordinal);
        using (var retired = await agronomist.SubmitAsync("/agronomic", $"/agronomic?handler=Retire&id={entries[2].Id}"))
            Assert.Equal("/agronomic?done=retired%3A1", retired.Headers.Location!.OriginalString);
        Assert.DoesNotContain("provjerite etiketu", Text(await core.AskAsync(Ask(eva))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_model_the_correction_goes_to_the_model_as_a_note_to_follow_and_cite_in_any_language()
    {
        var ana = await FarmerAsync("+385911000001", "HR");
        await using var model = new FakeModelServer();
        await using (var offline = await CoreService.StartAsync(Database))
        {
            var first = await offline.AskAsync(new { query = Question, farmer_id = ana.Id, language = "hr" });
            using var agronomist = await SignedInAsync(UserRoles.Agronomist);
            await CorrectAsync(agronomist, ExchangeId(first), "Edit", "Pričekajte 42 dana od prskanja do žetve.", "global");
        }
        model.Then(FakeReply.Text("Wait 42 days between spraying Prosaro and harvesting your wheat (per your agronomist, 6 Dec 2026)."));
        await using var core = await CoreService.StartAsync(Database, model.BaseUrl);

        var answer = await core.AskAsync(new { query = Question, farmer_id = ana.Id, language = "en" });

        Assert.Equal("llm", answer.GetProperty("method").GetString());
        var sent = Assert.Single(model.Requests);
        Assert.Contains("Agronomist note", sent, StringComparison.Ordinal);
        Assert.Contains("Pričekajte 42 dana od prskanja do žetve.", sent, StringComparison.Ordinal);
        Assert.Contains("(per your agronomist, ", sent, StringComparison.Ordinal);
        Assert.Contains(answer.GetProperty("sources").EnumerateArray(), s => s.GetProperty("type").GetString() == "agronomist_knowledge");
    }

    [Fact]
    public async Task Self_test_and_no_review_traffic_is_stored_but_never_queued()
    {
        var ana = await FarmerAsync("+385911000001", "HR");
        await using (var bench = await CoreService.StartAsync(Database, skipsReview: true))
            await bench.AskAsync(new { query = "Benchmark question", farmer_id = ana.Id });
        await using (var core = await CoreService.StartAsync(Database))
            await core.AskAsync(new { query = "A farmer's question", farmer_id = ana.Id });
        await Seed.ConversationAsync(Database, ana.Id, "Self-test question", channel: "self-test", state: ReviewStates.NotQueued);
        using var agronomist = await SignedInAsync(UserRoles.Agronomist);

        var (_, html) = await agronomist.GetPageAsync("/agronomic");

        Assert.Contains("A farmer&#x27;s question", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Benchmark question", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"pending\">1</dd>", html, StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.Equal(ReviewStates.NotQueued, (await db.Conversations.SingleAsync(c => c.Question == "Benchmark question")).ReviewState);
    }

    [Theory]
    [InlineData("everywhere", "scope")]
    [InlineData("FARMER", "scope")]
    public async Task A_scope_that_does_not_exist_is_refused_naming_the_field(string scope, string field)
    {
        var c = await Seed.ConversationAsync(Database, null, Question);
        using var agronomist = await SignedInAsync(UserRoles.Agronomist);
        using var r = await agronomist.SubmitAsync("/agronomic", $"/agronomic?handler=Edit&id={c.Id}", ("answer", "x"), ("scope", scope));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.StartsWith("must be empty or one of farmer, country, global", problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.Equal(ReviewStates.Pending, (await db.Conversations.SingleAsync()).ReviewState); // nothing half-done
    }

    [Fact]
    public async Task Farmer_scope_for_an_unknown_number_is_not_kept_and_says_why()
    {
        var c = await Seed.ConversationAsync(Database, null, Question);
        using var agronomist = await SignedInAsync(UserRoles.Agronomist);
        using var r = await agronomist.SubmitAsync("/agronomic", $"/agronomic?handler=Edit&id={c.Id}", ("answer", "42 dana."), ("scope", "farmer"));
        var (_, html) = await agronomist.GetPageAsync(r.Headers.Location!.OriginalString);
        Assert.Contains("Not kept for this farmer: the question came from an unknown number.", html, StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.Empty(await db.KnowledgeEntries.ToListAsync());
    }

    private async Task<Farmer> FarmerAsync(string phone, string country)
    {
        var farmer = new Farmer { Name = $"Farmer {phone}", Phone = phone, CountryCode = country, PreferredLanguage = "hr" };
        await using var db = Database.CreateContext();
        db.Farmers.Add(farmer);
        await db.SaveChangesAsync();
        return farmer;
    }

    private static async Task CorrectAsync(Browser agronomist, long exchangeId, string handler, string answer, string scope)
    {
        using var r = await agronomist.SubmitAsync("/agronomic", $"/agronomic?handler={handler}&id={exchangeId}", ("answer", answer), ("scope", scope));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.EndsWith("-knowledge-Saved%3A1", r.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static long ExchangeId(JsonElement answer) => answer.GetProperty("metadata").GetProperty("exchange_id").GetInt64();
    private static string Text(JsonElement answer) => answer.GetProperty("response").GetString()!;
}
