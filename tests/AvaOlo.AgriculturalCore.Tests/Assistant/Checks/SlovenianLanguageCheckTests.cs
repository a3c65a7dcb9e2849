using AvaOlo.AgriculturalCore.Assistant.Checks;
using AvaOlo.AgriculturalCore.Assistant.Languages;
using AvaOlo.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.Checks;

/// <summary>
/// Short Slovenian answers read as Bosnian or Croatian by Lingua ("V katalogu ni podatka o karenci…" → bs) were
/// stored as failing the language check. Real offline answers for the Slovenian tomato grower must pass, through the
/// pipeline and when the check relies on Lingua's reading (as it does for a model's answer).
/// </summary>
public sealed class SlovenianLanguageCheckTests(TestDatabase database) : AssistantTestBase(database)
{
    [Fact]
    public async Task Offline_answers_for_a_slovenian_farmer_pass_the_language_check()
    {
        string[] questions =
        [
            "Kakšna je karenca za Prosaro v pšenici?", // no Slovenian rule: "V katalogu ni podatka o karenci za Prosaro 250 EC (SI)."
            "Koliko polj imam in kakšna je površina?",
            "Kaj imam posajeno v tej sezoni?",
            "Koliko rastlin paradižnika imam?",
            "Katera opravila imam?",
            "Kdaj je potrebno pošpricati paradižnik proti plesni?",
            "Kdaj bo spravilo paradižnika?",
        ];
        var detection = Factory.Services.GetRequiredService<LanguageDetection>();
        foreach (var question in questions)
        {
            var r = await AskAsync(D.AdminKey, new { query = question, farmer_id = D.Tomato });
            var text = Text(r);
            Assert.Equal("offline", Method(r));
            Assert.Equal("sl", r.GetProperty("language").GetString());
            Assert.True(r.GetProperty("constitutional_compliance").GetProperty("passed").GetBoolean(), $"{question} → {r}");

            var reading = detection.Detect(text, hint: "sl");
            var check = ConstitutionalChecks.CheckLanguage(new CheckInput(text, "sl", reading, detection.Languages, []));
            Assert.True(check.Passed, $"'{text}' read as {reading}: {check.Detail}");
        }
    }

    [Fact]
    public async Task The_stored_exchange_records_the_checks_as_passed()
    {
        await AskAsync(D.AdminKey, new { query = "Kakšna je karenca za Prosaro v pšenici?", farmer_id = D.Tomato });
        await using var db = Database.CreateContext();
        var stored = db.Conversations.Single(c => c.FarmerId == D.Tomato);
        Assert.StartsWith("V katalogu ni podatka o karenci", stored.Answer, StringComparison.Ordinal);
        Assert.True(stored.ChecksPassed);
        Assert.True(stored.LanguageMatched);
    }
}
