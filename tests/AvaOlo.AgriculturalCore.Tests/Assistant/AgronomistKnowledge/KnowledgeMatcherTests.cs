using AvaOlo.AgriculturalCore.Assistant.AgronomistKnowledge;
using AvaOlo.Data.Entities;
using AvaOlo.Data.Knowledge;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.AgronomistKnowledge;

/// <summary>Which agronomist entry answers a question: the same question reworded, never a neighbouring one.</summary>
public sealed class KnowledgeMatcherTests
{
    // stored question · new question → the same question?
    [Theory]
    [InlineData("Koliko je karenca za Prosaro u pšenici?", "koliko je KARENCA za prosaro u psenici", true)]   // case, diacritics, punctuation
    [InlineData("Koliko je karenca za Prosaro u pšenici?", "Kolika je karenca za Prosaro kod pšenice?", true)] // endings, short words
    [InlineData("Koliko je karenca za Prosaro u pšenici?", "Za Prosaro u pšenici, koliko je karenca?", true)]  // word order
    [InlineData("Koliko je karenca za Prosaro u pšenici?", "Koliko je karenca za Prosaro u pšenici danas?", true)] // one extra word
    [InlineData("Koliko je karenca za Prosaro u pšenici?", "Koliko je karenca za Prosaro u kukuruzu?", false)]   // another crop
    [InlineData("What is the pre-harvest interval for Prosaro in wheat?", "What is the pre-harvest interval for Prosaro in barley?", false)]
    [InlineData("What is the pre-harvest interval for Prosaro in wheat?", "What is the pre-harvest interval for Folicur in wheat?", false)]
    [InlineData("Kdaj je potrebno pošpricati paradižnik proti plesni?", "Kdaj pošpricati paradižnik proti plesni?", true)] // one word fewer
    [InlineData("Kdaj je potrebno pošpricati paradižnik proti plesni?", "Kdaj je potrebno pošpricati krompir proti plesni?", false)]
    [InlineData("Кога да бера манго?", "кога да бера манго", true)]                // Cyrillic
    [InlineData("Кога да бера манго?", "Кога да бера круши?", false)]
    [InlineData("Prosaro?", "Prosaro", true)]                                      // one word: identical only
    [InlineData("Prosaro?", "Prosaro wheat", false)]
    [InlineData("Koliko je karenca za Prosaro u pšenici?", "Kada sijati pšenicu?", false)]
    [InlineData("?!", "?!", false)]                                                 // no words, no match
    public void Only_the_same_question_reworded_matches(string stored, string asked, bool same) =>
        Assert.Equal(same, KnowledgeMatcher.Similarity(KnowledgeText.Stems(asked), KnowledgeText.Stems(stored)) is not null);

    [Theory]
    [InlineData("Koliko je karenca za Prosaro u pšenici?", "kolik|karen|prosa|pseni")] // "je", "za", "u": under three letters
    [InlineData("NPK 15-15-15, 400 kg/ha", "400|npk")]
    [InlineData("Колко МАНГО дървета?", "дърве|колко|манго")]
    public void Stems_are_folded_word_starts_of_three_or_more_characters(string text, string stems) =>
        Assert.Equal(stems.Split('|').Order(StringComparer.Ordinal), KnowledgeText.Stems(text));

    private static readonly DateTimeOffset Day = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private const string Question = "Koliko je karenca za Prosaro u pšenici?";

    private static KnowledgeCandidate Entry(long id, string scope, string question = Question, string language = "hr", int daysLater = 0) =>
        new(id, scope, KnowledgeText.Stems(question), $"answer {id}", language, Day.AddDays(daysLater));

    // entries (id:scope[:language][:days later][:question variant]) · language filter → chosen id (0 = none)
    [Theory]
    [InlineData("1:global|2:country|3:farmer", "hr", 3)]                 // the farmer's own entry first
    [InlineData("1:global|2:country", "hr", 2)]                          // then the country's
    [InlineData("1:global", "hr", 1)]                                    // then everyone's
    [InlineData("1:country:hr:0|2:country:hr:5", "hr", 2)]               // same scope: the newer one
    [InlineData("1:farmer:en|2:global:hr", "hr", 2)]                     // the rule-based path takes its language only
    [InlineData("1:farmer:en|2:global:hr", null, 1)]                     // the model path takes any language
    [InlineData("1:farmer:hr:0:other|2:global", "hr", 2)]                // a neighbouring question never wins by scope
    [InlineData("1:farmer:hr:0:other", "hr", 0)]
    public void The_narrowest_scope_then_the_closest_then_the_newest_wins(string entries, string? language, long chosen)
    {
        var candidates = entries.Split('|').Select(e => e.Split(':')).Select(p => Entry(long.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p[1],
            p.Length > 4 ? "Koliko je karenca za Prosaro u kukuruzu?" : Question, p.Length > 2 ? p[2] : "hr",
            p.Length > 3 ? int.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture) : 0)).ToList();
        Assert.Equal(chosen, KnowledgeMatcher.Best(KnowledgeText.Stems("Kolika je karenca za Prosaro u pšenici"), candidates, language)?.Id ?? 0);
    }

    [Fact]
    public void Scopes_are_ordered_farmer_country_global() => Assert.Equal(["farmer", "country", "global"], KnowledgeScopes.All);

    // language · date → citation
    [Theory]
    [InlineData("en", "per your agronomist, 4 Dec 2026")]
    [InlineData("hr", "prema savjetu vašeg agronoma, 4 pro 2026")]
    [InlineData("sl", "po nasvetu vašega agronoma, 4 dec. 2026")]
    [InlineData("de", "laut Ihrem Agronomen, 4 Dez. 2026")]
    [InlineData("fr", "per your agronomist, 4 Dec 2026")]                 // no phrasebook: English
    public void Citations_name_the_agronomist_and_the_day_in_the_reply_language(string language, string citation) =>
        Assert.Equal(citation, Citations.For(language, new DateOnly(2026, 12, 4)));
}
