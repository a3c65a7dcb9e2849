using AvaOlo.AgriculturalCore.Assistant.Matching;
using AvaOlo.AgriculturalCore.Assistant.RuleBased.Understanding;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.RuleBased.Understanding;

public sealed class ConceptsTests
{
    [Theory]
    [InlineData("Koliko sam gnojiva potrošio?", "amount,use,input")]
    [InlineData("Kdaj sem nazadnje škropil?", "spray,when,last")]
    [InlineData("Какво съм пръскал?", "spray")]                          // Cyrillic, through the transliteration
    [InlineData("Шта сам прскао на њиви?", "spray,field")]               // Serbian Cyrillic reads as Latin
    [InlineData("mennyit használtam fel", "use,amount")]
    [InlineData("Welche Mittel sind für Weizen zugelassen?", "product,allowed")]
    [InlineData("Wann darf ich ernten?", "allowed,harvest,when")]
    [InlineData("how many fields have I planted", "count,field,grow")]  // "planted" is growing, not planning
    [InlineData("kakvo da pravja", "")]                                 // "kakvo" (what) is not "kak" (how)
    [InlineData("torek", "")]                                           // Tuesday is not "tor" (fertiliser)
    public void A_question_names_the_concepts_its_words_carry_in_any_language(string question, string expected) =>
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), Concepts.Of(TextMatch.LatinWords(question)).Order());
}
