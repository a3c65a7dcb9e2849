using AvaOlo.AgriculturalCore.Assistant;
using AvaOlo.AgriculturalCore.Assistant.Checks;
using AvaOlo.AgriculturalCore.Assistant.Languages;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.Checks;

public sealed class ConstitutionalChecksTests
{
    private static readonly HashSet<string> Detectable = ["sl", "hr", "bg", "hu", "sr", "de", "it", "en", "bs", "mk"];

    private static IReadOnlyList<CheckResult> Check(string answer, string expected, string? detected, params string[] names) =>
        ConstitutionalChecks.Evaluate(new CheckInput(answer, expected, detected, Detectable, names));

    [Theory]
    [InlineData("Имате 500 мангови дървета на поле „Манго градина“.", "bg", "bg", true)]
    [InlineData("You have 500 mango trees.", "bg", "en", false)]                // wrong language and script
    [InlineData("Imate 500 stabala manga.", "bg", "hr", false)]                 // Bulgarian must be Cyrillic
    [InlineData("Karenca za Prosaro u pšenici iznosi 42 dana.", "hr", "bs", true)] // Lingua's hr/bs confusion is tolerated
    [InlineData("Каренца за Prosaro износи 42 дана.", "sr", "sr", true)]       // Serbian in Cyrillic
    [InlineData("Die Wartezeit beträgt 42 Tage.", "hr", "de", false)]
    [InlineData("Mango a été planté.", "fr", "xx", true)]                       // a language Lingua was not set up for: script decides
    public void Language_check(string answer, string expected, string? detected, bool passes) =>
        Assert.Equal(passes, Check(answer, expected, detected).Single(c => c.Name == ConstitutionalChecks.Language).Passed);

    private static readonly LanguageDetection Lingua = new(new AssistantOptions());

    // With Lingua's real reading (hinted with the expected language, as the pipeline asks): the close-language
    // tolerance covers what Lingua cannot tell apart on short texts, and nothing else.
    [Theory]
    [InlineData("V katalogu ni podatka o karenci za Prosaro 250 EC (SI).", true)] // Lingua: bs
    [InlineData("Karenca za Prosaro 250 EC pri kulturi pšenica (SI) je 42 dni.", true)] // Lingua: bs
    [InlineData("Nedavno opravljeno: škropljenje (Rastlinjak) 3. 6. 2026; gnojenje (Njiva) 1. 6. 2026. V evidenci ni opravil za to obdobje.", true)] // Lingua: hr
    [InlineData("The catalogue has no pre-harvest interval for Prosaro 250 EC in SI.", false)]
    [InlineData("The pre-harvest interval for Prosaro 250 EC on wheat (SI) is 42 days.", false)]
    [InlineData("Im Katalog gibt es keine Wartezeit für Prosaro 250 EC (SI).", false)]
    [InlineData("Die Wartezeit für Prosaro 250 EC bei Weizen (SI) beträgt 42 Tage.", false)]
    // A Croatian paragraph is long enough for Lingua to tell it from Slovenian: it still fails for a Slovenian farmer.
    [InlineData("Rajčicu prskajte protiv plamenjače preventivno, kad su noći vlažne i temperature iznad 10 °C; prije toga provjerite karencu sredstva i vremensku prognozu za sljedeće dane.", false)]
    [InlineData("Paradižnik škropite proti plesni preventivno, ko so noči vlažne in temperature nad 10 °C; pred tem preverite karenco sredstva in vremensko napoved za naslednje dni.", true)]
    public void Language_check_for_a_slovenian_farmer_with_linguas_reading(string answer, bool passes)
    {
        var reading = Lingua.Detect(answer, hint: "sl");
        var check = ConstitutionalChecks.CheckLanguage(new CheckInput(answer, "sl", reading, Lingua.Languages, []));
        Assert.True(passes == check.Passed, $"read as {reading}: {check.Detail}");
    }

    [Theory]
    [InlineData("Call Ivan on +385 98 123 4567 for the sprayer.", false)]
    [InlineData("Write to ana.novak@example.com.", false)]
    [InlineData("Harvest from 2026-07-15; the field has 3.5 ha and 1,200 trees.", true)]
    [InlineData("Done recently: fertilising (Njiva) 30. 10. 2026: NPK 15-15-15 400 kg/ha.", true)] // a fertiliser grade and dose
    [InlineData("Pokličite 041-234-567 ali 00386 41 234 567.", false)]
    public void Privacy_check_finds_contact_data(string answer, bool passes) =>
        Assert.Equal(passes, Check(answer, "en", "en").Single(c => c.Name == ConstitutionalChecks.Privacy).Passed);

    [Fact]
    public void Privacy_check_fails_when_another_farmer_is_named() =>
        Assert.False(Check("Ana Novak sprayed yesterday.", "en", "en", "Ana Novak").Single(c => c.Name == ConstitutionalChecks.Privacy).Passed);

    [Theory]
    [InlineData("Unfortunately mangoes cannot grow in Bulgaria.", false)]
    [InlineData("За съжаление мангото не може да се отглежда в България.", false)]
    [InlineData("Mango ne more rasti v Sloveniji.", false)]
    [InlineData("Mango trees in Plovdiv need frost protection in winter; plant in a sheltered spot.", true)]
    public void Mango_rule_check_finds_refusals_by_crop_or_country(string answer, bool passes) =>
        Assert.Equal(passes, Check(answer, "en", null).Single(c => c.Name == ConstitutionalChecks.MangoRule).Passed);
}
