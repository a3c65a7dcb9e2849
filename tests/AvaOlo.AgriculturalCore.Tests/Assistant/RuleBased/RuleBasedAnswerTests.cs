using System.Net;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.RuleBased;

/// <summary>No model configured: the rule-based assistant answers (method "offline") from records and product rules.</summary>
public sealed class RuleBasedAnswerTests(TestDatabase database) : AssistantTestBase(database)
{
    [Fact]
    public async Task Prosaro_pre_harvest_interval_in_wheat_is_42_days_in_croatian()
    {
        var r = await AskAsync(D.WheatKey, new { query = "Koliko je karenca za Prosaro u pšenici?" });
        Assert.Equal("offline", Method(r));
        Assert.Equal("hr", r.GetProperty("language").GetString());
        Assert.Equal("HR", r.GetProperty("country_code").GetString());
        Assert.Contains("42 dana", Text(r), StringComparison.Ordinal);
        Assert.Contains("Karenca", Text(r), StringComparison.Ordinal);
        Assert.True(r.GetProperty("constitutional_compliance").GetProperty("passed").GetBoolean(), r.ToString());
        Assert.Contains(r.GetProperty("sources").EnumerateArray(), s => s.GetProperty("type").GetString() == "material_rule");
    }

    [Fact]
    public async Task Mango_grower_gets_the_real_tree_count_in_bulgarian_cyrillic()
    {
        var r = await AskAsync(D.MangoKey, new { query = "Колко манго дървета имам?" });
        Assert.Equal("bg", r.GetProperty("language").GetString());
        Assert.Contains("500", Text(r), StringComparison.Ordinal);
        Assert.Contains("Манго градина", Text(r), StringComparison.Ordinal);
        Assert.DoesNotContain("Георги", Text(r), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_types_stored_in_english_are_named_in_the_reply_language()
    {
        var r = await AskAsync(D.MangoKey, new { query = "Какви задачи имам?" });
        Assert.Equal("bg", r.GetProperty("language").GetString());
        Assert.Contains("напояване", Text(r), StringComparison.Ordinal); // the seeded "irrigation" task
        Assert.DoesNotContain("irrigation", Text(r), StringComparison.OrdinalIgnoreCase);
        Assert.True(r.GetProperty("constitutional_compliance").GetProperty("passed").GetBoolean(), r.ToString());
    }

    [Fact]
    public async Task Hungarian_speaker_in_croatia_is_answered_in_hungarian_and_advice_questions_say_the_advisor_is_needed()
    {
        var r = await AskAsync(D.AdminKey, new { query = "Mikor kell permetezni?", farmer_id = D.HungarianInCroatia });
        Assert.Equal("hu", r.GetProperty("language").GetString());
        Assert.Equal("HR", r.GetProperty("country_code").GetString());
        Assert.Contains("AI tanácsadó", Text(r), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sl", "Število polj")]
    [InlineData("hr", "Broj polja")]
    [InlineData("bg", "Брой полета")]
    [InlineData("hu", "Táblák száma")]
    [InlineData("sr", "Број парцела")]
    [InlineData("de", "Anzahl Felder")]
    [InlineData("it", "Numero di campi")]
    [InlineData("en", "Number of fields")]
    public async Task Fields_and_areas_in_each_offline_language(string language, string phrase)
    {
        var r = await AskAsync(D.WheatKey, new { query = "fields hectares?", language });
        Assert.Equal(language, r.GetProperty("language").GetString());
        Assert.Contains(phrase, Text(r), StringComparison.Ordinal);
        Assert.Contains("Mota", Text(r), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_safety_counts_the_pre_harvest_interval_from_the_last_prosaro_spraying()
    {
        var r = await AskAsync(D.WheatKey, new { query = "Smijem li žeti pšenicu na Moti?" });
        // Sprayed 20 days ago with a 42-day interval: not yet safe.
        Assert.Contains("Prosaro", Text(r), StringComparison.Ordinal);
        Assert.Contains("42", Text(r), StringComparison.Ordinal);
        Assert.Contains("Ne berite prije tog datuma", Text(r), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_phone_is_answered_with_the_country_of_its_number_and_no_records()
    {
        var r = await AskAsync(D.QueryKey, new { query = "Koliko je karenca za Prosaro u ječmu?", phone_number = "+385 91 765 4321" });
        Assert.Equal("HR", r.GetProperty("country_code").GetString());
        Assert.Contains("42", Text(r), StringComparison.Ordinal);
        var fields = await AskAsync(D.QueryKey, new { query = "Koliko polja imam?", phone_number = "+385 91 765 4321" });
        Assert.Contains("još nemamo evidenciju", Text(fields), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_exchange_is_stored_for_review_and_offline_answers_are_cached_until_the_records_change()
    {
        var first = await AskAsync(D.WheatKey, new { query = "Koliko polja imam?" });
        var second = await AskAsync(D.WheatKey, new { query = "  koliko POLJA imam " });
        Assert.Equal("offline", Method(first));
        Assert.Equal("cache", Method(second));
        Assert.Equal(Text(first), Text(second));

        var added = await Factory.Client(D.WheatKey).Post($"/api/v1/farmer/{D.CroatianWheat}/fields", new { name = "Nova njiva", area_ha = 1.25m });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var third = await AskAsync(D.WheatKey, new { query = "Koliko polja imam?" });
        Assert.Equal("offline", Method(third));
        Assert.Contains("Nova njiva", Text(third), StringComparison.Ordinal);

        await using var db = Database.CreateContext();
        var stored = await db.Conversations.Where(c => c.FarmerId == D.CroatianWheat).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(["offline", "cache", "offline"], stored.Select(c => c.Method));
        Assert.All(stored, c => Assert.Equal("pending", c.ReviewState));
        Assert.All(stored, c => Assert.Equal("hr", c.Language));
    }

    [Fact]
    public async Task Farmer_keys_ask_only_as_themselves_and_bad_requests_name_the_field()
    {
        var other = await Factory.Client(D.MangoKey).Post("/api/v1/farmer/query", new { query = "x", farmer_id = D.CroatianWheat });
        await HttpAssert.Problem(other, HttpStatusCode.Forbidden);
        var otherPhone = await Factory.Client(D.MangoKey).Post("/api/v1/farmer/query", new { query = "x", phone_number = "+385981234567" });
        await HttpAssert.Problem(otherPhone, HttpStatusCode.Forbidden);
        var admin = Factory.Client(D.AdminKey);
        await HttpAssert.FieldError(await admin.Post("/api/v1/farmer/query", new { query = "" }), "query");
        await HttpAssert.FieldError(await admin.Post("/api/v1/farmer/query", new { query = new string('a', 4001), farmer_id = D.Mango }), "query");
        await HttpAssert.FieldError(await admin.Post("/api/v1/farmer/query", new { query = "x", phone_number = "12" }), "phone_number");
        await HttpAssert.FieldError(await admin.Post("/api/v1/farmer/query", new { query = "x", farmer_id = D.Mango, language = "xx1" }), "language");
        await HttpAssert.FieldError(await admin.Post("/api/v1/farmer/query", new { query = "x" }), "farmer_id");
        await HttpAssert.Problem(await admin.Post("/api/v1/farmer/query", new { query = "x", farmer_id = 999999 }), HttpStatusCode.NotFound);
        var noScope = await TestRecords.KeyAsync(Database.CreateContext(), "reader", null, AvaOlo.Data.Entities.ApiScopes.RecordsRead);
        await HttpAssert.Problem(await Factory.Client(noScope).Post("/api/v1/farmer/query", new { query = "x", farmer_id = D.Mango }), HttpStatusCode.Forbidden);
    }
}
