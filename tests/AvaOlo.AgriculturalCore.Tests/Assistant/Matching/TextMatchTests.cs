using AvaOlo.AgriculturalCore.Assistant.Matching;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.Matching;

/// <summary>Forgiving text comparison in any script: no case, no diacritics, words and stems.</summary>
public sealed class TextMatchTests
{
    [Theory]
    [InlineData("Pšenica", "psenica")]
    [InlineData("Šimun ĆORIĆ", "simun coric")]
    [InlineData("Búza és kukorica", "buza es kukorica")]
    [InlineData("Колко МАНГО", "колко манго")]
    [InlineData("Йод", "иод")] // the breve of Й is a combining mark too
    public void Fold_drops_case_and_diacritics(string text, string folded) => Assert.Equal(folded, TextMatch.Fold(text));

    [Theory]
    [InlineData("Koliko je karenca za Prosaro u pšenici?", "koliko|je|karenca|za|prosaro|u|psenici")]
    [InlineData("NPK 15-15-15, 400 kg/ha", "npk|15|15|15|400|kg|ha")]
    [InlineData("  ¿¡!!  ", "")]
    public void Words_are_folded_letters_and_digits(string text, string words) =>
        Assert.Equal(words.Split('|', StringSplitOptions.RemoveEmptyEntries), TextMatch.Words(text));

    // question · a name from the farmer's records → does the question mention it?
    [Theory]
    [InlineData("Колко манго дървета имам?", "манго", true)]
    [InlineData("Smijem li žeti pšenicu?", "pšenica", true)]              // a stem of the name's longest word
    [InlineData("Imam kukuruz za silažu", "kukuruz za silažu", true)]      // every word of the name
    [InlineData("Koliko imam kukuruza?", "Kukuruz", true)]
    [InlineData("Smijem li žeti na Moti?", "Mota", false)]                // a four-letter name must match whole
    [InlineData("How much corn?", "maize", false)]
    [InlineData("Anything", "", false)]
    public void Mentions_finds_names_from_the_records(string question, string name, bool mentioned) =>
        Assert.Equal(mentioned, TextMatch.Mentions(TextMatch.Words(question), name));

    // stems · words of a question → match?
    [Theory]
    [InlineData("ha", "3 ha", true)]
    [InlineData("ha", "hat", false)]                 // three letters or fewer: whole words only
    [InlineData("pšenic", "pšenici", true)]          // longer stems match the start of a word, diacritics aside
    [InlineData("pšenic", "ozimna psenica", true)]
    [InlineData("how many", "How many trees", true)] // a stem with a space matches words in a row
    [InlineData("how many", "many how", false)]
    [InlineData("karenc", "karantena", false)]
    public void Stem_sets_match_words_and_word_starts(string stem, string text, bool matches) =>
        Assert.Equal(matches, new StemSet([stem]).MatchesAny(TextMatch.Words(text)));
}
