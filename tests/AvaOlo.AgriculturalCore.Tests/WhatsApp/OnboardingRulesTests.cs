using AvaOlo.AgriculturalCore.WhatsApp.Onboarding;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>Onboarding's pure rules, table-driven: opt-out and opt-in words per language, and what reads as a name.</summary>
public sealed class OnboardingRulesTests
{
    [Theory]
    [InlineData("STOP", OptWord.Out)]
    [InlineData("stop", OptWord.Out)]
    [InlineData("  Stop! ", OptWord.Out)]
    [InlineData("odjava", OptWord.Out)]          // sl, hr
    [InlineData("Odjavi", OptWord.Out)]
    [InlineData("odjavi me.", OptWord.Out)]
    [InlineData("abmelden", OptWord.Out)]        // de
    [InlineData("Stopp", OptWord.Out)]
    [InlineData("leiratkozás", OptWord.Out)]     // hu
    [InlineData("LEIRATKOZAS", OptWord.Out)]     // accents folded
    [InlineData("стоп", OptWord.Out)]            // bg, sr
    [InlineData("СТОП", OptWord.Out)]
    [InlineData("отписване", OptWord.Out)]
    [InlineData("одјава", OptWord.Out)]
    [InlineData("annulla iscrizione", OptWord.Out)] // it
    [InlineData("unsubscribe", OptWord.Out)]
    [InlineData("START", OptWord.In)]
    [InlineData("start", OptWord.In)]
    [InlineData("prijava", OptWord.In)]
    [InlineData("anmelden", OptWord.In)]
    [InlineData("feliratkozás", OptWord.In)]
    [InlineData("старт", OptWord.In)]
    [InlineData("iscrivimi", OptWord.In)]
    // A question that merely contains the word is a question.
    [InlineData("stop spraying before rain?", OptWord.None)]
    [InlineData("Kdaj naj neham škropiti, stop?", OptWord.None)]
    [InlineData("Koliko je karenca za Prosaro u pšenici?", OptWord.None)]
    [InlineData("da", OptWord.None)]
    [InlineData("", OptWord.None)]
    [InlineData(null, OptWord.None)]
    [InlineData("🛑", OptWord.None)]
    public void Opt_out_and_in_words_are_whole_messages_in_any_of_our_languages(string? message, OptWord expected) =>
        Assert.Equal(expected, OptOutWords.Classify(message));

    [Theory]
    [InlineData("Marija Novak", "Marija Novak")]
    [InlineData("  Ivan   Horvat. ", "Ivan Horvat")]
    [InlineData("Георги Иванов", "Георги Иванов")]
    [InlineData("Kovács Éva", "Kovács Éva")]
    [InlineData("Jean-Luc O'Neil", "Jean-Luc O'Neil")]
    [InlineData("Kmetija Pri Lipi", "Kmetija Pri Lipi")]
    [InlineData("OPG Horvat", "OPG Horvat")]
    // Questions, numbers and sentences are not names: the assistant answers them and onboarding asks again.
    [InlineData("Koliko je karenca za Prosaro u pšenici?", null)]
    [InlineData("Kdaj škropiti?", null)]
    [InlineData("Ivan 2", null)]
    [InlineData("+385911234567", null)]
    [InlineData("Danes sem poškropil pšenico na Veliki njivi s Prosarom", null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("👍", null)]
    public void A_name_is_a_few_words_of_letters(string text, string? expected) =>
        Assert.Equal(expected, OnboardingRules.NameFrom(text));
}
