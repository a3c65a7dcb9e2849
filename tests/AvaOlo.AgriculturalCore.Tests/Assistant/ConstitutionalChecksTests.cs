using AvaOlo.AgriculturalCore.Constitution;

namespace AvaOlo.AgriculturalCore.Tests.Assistant;

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

    [Theory]
    [InlineData("Call Ivan on +385 98 123 4567 for the sprayer.", false)]
    [InlineData("Write to ana.novak@example.com.", false)]
    [InlineData("Harvest from 2026-07-15; the field has 3.5 ha and 1,200 trees.", true)]
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
