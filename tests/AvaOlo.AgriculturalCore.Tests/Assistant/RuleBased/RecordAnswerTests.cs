using AvaOlo.Testing;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.RuleBased;

/// <summary>
/// The offline answers beyond fields and intervals, over real HTTP on the seed's test farmers: what was sprayed, inputs
/// used, registered products, one field, and an advice question that still gets what the records say.
/// </summary>
public sealed class RecordAnswerTests(TestDatabase database) : AssistantTestBase(database)
{
    [Fact]
    public async Task Showcase_blight_question_gets_the_planned_ridomil_spraying_then_the_advisor_note()
    {
        var r = await AskAsync(D.AdminKey, new { query = "Kdaj je potrebno pošpricati paradižnik proti plesni?", farmer_id = D.Tomato });
        Assert.Equal("sl", r.GetProperty("language").GetString());
        var text = Text(r);
        Assert.Contains("Ridomil Gold MZ 68 WG", text, StringComparison.Ordinal);
        Assert.Contains("škropljenje (Rastlinjak pri hiši)", text, StringComparison.Ordinal);
        Assert.Contains(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("d", System.Globalization.CultureInfo.GetCultureInfo("sl")), text, StringComparison.Ordinal);
        Assert.EndsWith("AI svetovalec, ki trenutno ni na voljo.", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Ridomil", StringComparison.Ordinal) < text.IndexOf("AI svetovalec", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Last_sprayings_name_the_product_the_field_and_the_date()
    {
        var r = await AskAsync(D.WheatKey, new { query = "Kada sam zadnji put prskao i čime?" });
        var text = Text(r);
        Assert.StartsWith("Prskanja u vašoj evidenciji:", text, StringComparison.Ordinal);
        Assert.Contains("prskanje (Mota)", text, StringComparison.Ordinal);
        Assert.Contains("Prosaro 250 EC 1 l/ha", text, StringComparison.Ordinal);
        Assert.DoesNotContain("KAN", text, StringComparison.Ordinal); // a fertilising, not a spraying
    }

    [Fact]
    public async Task Inputs_used_are_summed_over_the_hectares_they_were_applied_on()
    {
        // Mota is 12.5 ha: Prosaro at 1 l/ha is 12.5 l, KAN at 200 kg/ha is 2,500 kg.
        var r = await AskAsync(D.WheatKey, new { query = "Koliko sam gnojiva i sredstava potrošio?" });
        var text = Text(r);
        Assert.Contains("Prosaro 250 EC 12,5 l", text, StringComparison.Ordinal);
        Assert.Contains("KAN 27% N 2500 kg", text, StringComparison.Ordinal);
        var prosaroOnly = Text(await AskAsync(D.WheatKey, new { query = "Koliko sam Prosara potrošio?" }));
        Assert.Contains("Prosaro 250 EC 12,5 l", prosaroOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("KAN", prosaroOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registered_products_for_a_crop_come_from_the_rules_of_the_farmers_country()
    {
        var r = await AskAsync(D.WheatKey, new { query = "Koja sredstva su registrirana za ječam?" });
        var text = Text(r);
        Assert.Contains("Prosaro 250 EC", text, StringComparison.Ordinal);
        Assert.Contains("ječam", text, StringComparison.Ordinal);
        Assert.Contains("42 dana", text, StringComparison.Ordinal);
        var slovenian = Text(await AskAsync(D.AdminKey, new { query = "Katera sredstva so registrirana za ječmen?", farmer_id = D.Tomato }));
        Assert.Contains("Katalog nima sredstev", slovenian, StringComparison.Ordinal); // no rules in SI: said so, no Croatian figure
        Assert.DoesNotContain("42", slovenian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Products_for_my_crops_cover_every_crop_the_growing_one_first_and_name_those_without_rules()
    {
        // The wheat farmer's maize is harvested and the wheat still growing: both have Prosaro rules in Croatia.
        var text = Text(await AskAsync(D.WheatKey, new { query = "Koja su sredstva registrirana za moje kulture?" }));
        Assert.StartsWith("Sredstva koja pravila dopuštaju za kulturu pšenica (HR): Prosaro 250 EC.", text, StringComparison.Ordinal);
        Assert.Contains("kulturu kukuruz (HR): Prosaro 250 EC", text, StringComparison.Ordinal);
        // The tomato grower's crops have no rules in Slovenia: said so, naming them, not "name the product".
        var slovenian = Text(await AskAsync(D.AdminKey, new { query = "Which products are registered for my crops?", farmer_id = D.Tomato }));
        Assert.StartsWith("Katalog nima sredstev za kulturo", slovenian, StringComparison.Ordinal);
        Assert.Contains("paradižnik", slovenian, StringComparison.Ordinal);
        Assert.Contains("krompir", slovenian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_karenca_question_without_a_product_gets_each_fields_safe_harvest_day()
    {
        var text = Text(await AskAsync(D.WheatKey, new { query = "Je li prošla karenca, mogu li žeti?" }));
        Assert.Contains("Polje Mota (pšenica): zadnje prskanje sredstvom Prosaro 250 EC", text, StringComparison.Ordinal);
        Assert.Contains("berba je sigurna od", text, StringComparison.Ordinal);
        // With a product named it stays the catalogue's interval.
        Assert.Contains("42", Text(await AskAsync(D.WheatKey, new { query = "Koliko je karenca za Prosaro u pšenici?" })), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Шта расте на Нађ табли?", "szemes kukorica")]          // Serbian Cyrillic, the field's name in Cyrillic
    [InlineData("Što je posijano na Rétu ove godine?", "rét – Rét")]    // Croatian, the name inflected
    [InlineData("Koliko je karenca Prosara u uljanoj repici?", "56 nap")] // Croatian genitive product, crop in the locative
    [InlineData("Kolika je parcela Nagy tábla?", "Nagy tábla: 8,4 ha")]
    public async Task Hungarian_speaker_in_croatia_asking_in_croatian_or_serbian_is_understood_and_answered_in_hungarian(string question, string expected)
    {
        var r = await AskAsync(D.AdminKey, new { query = question, farmer_id = D.HungarianInCroatia });
        Assert.Equal("hu", r.GetProperty("language").GetString());
        Assert.Contains(expected, Text(r), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Largest_field_is_named_first_and_the_list_follows()
    {
        var text = Text(await AskAsync(D.WheatKey, new { query = "Koja mi je najveća parcela?" }));
        Assert.StartsWith("Vaše najveće polje je Mota, 12,5 ha.", text, StringComparison.Ordinal);
        Assert.Contains("Kod kuće (3,2 ha)", text, StringComparison.Ordinal);
    }
}
