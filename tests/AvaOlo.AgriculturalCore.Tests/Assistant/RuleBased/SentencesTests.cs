using AvaOlo.AgriculturalCore.Assistant.RuleBased;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.RuleBased;

public sealed class SentencesTests
{
    [Theory]
    [InlineData("{crop} – {field} tábla ({area} ha)", "Nagy tábla", "{crop} – Nagy tábla ({area} ha)")]
    [InlineData("{crop} – {field} tábla ({area} ha)", "Rét", "{crop} – Rét tábla ({area} ha)")]
    [InlineData("{field} tábla{crop}: nincs", "Nagy Tábla", "Nagy Tábla{crop}: nincs")]
    [InlineData("Polje {field}: {area} ha.", "Mota", "Polje Mota: {area} ha.")]
    [InlineData("{field} tábla: {field} tábla", "Kis tábla", "Kis tábla: Kis tábla")]
    [InlineData("{field} táblán", "Nagy tábla", "Nagy tábla táblán")] // an inflected word is not the same word: left alone
    [InlineData("no placeholder", "Mota", "no placeholder")]
    public void The_template_word_for_a_field_is_dropped_only_when_the_name_ends_with_it(string template, string name, string expected) =>
        Assert.Equal(expected, template.Field(name));

    [Theory]
    [InlineData("Očekivana berba: 19. 10. 2026.. Polje Mota", "Očekivana berba: 19. 10. 2026. Polje Mota")]
    [InlineData("Очаквано прибиране: 19.02.2027 г..", "Очаквано прибиране: 19.02.2027 г.")]
    [InlineData("Dose 2.5 kg/ha. Next", "Dose 2.5 kg/ha. Next")]
    [InlineData("Wait...", "Wait...")]                       // an ellipsis stays
    public void A_date_that_ends_a_sentence_keeps_one_full_stop(string text, string expected) => Assert.Equal(expected, Sentences.Tidy(text));
}
