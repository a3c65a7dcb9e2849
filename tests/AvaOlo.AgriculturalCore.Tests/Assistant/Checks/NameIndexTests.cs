using AvaOlo.AgriculturalCore.Assistant.Checks;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.Checks;

public sealed class NameIndexTests
{
    private static readonly NameIndex Index = new([(1, "Ana Novak"), (2, "Šimun Horvat"), (3, "Иван Петров"), (4, "Ivo"), (5, "Mariana")]);

    [Theory]
    [InlineData("Ana Novak sprayed yesterday.", 9, "Ana Novak")]
    [InlineData("ask ana  novak, she knows", 9, "Ana Novak")]
    [InlineData("Simun Horvat's field is ready.", 9, "Šimun Horvat")]
    [InlineData("Попитайте Иван Петров.", 9, "Иван Петров")]
    [InlineData("Mariana planted wheat.", 9, "Mariana")]
    [InlineData("Ana sprayed; Novak did not.", 9, null)]         // the words of a name in a row, not scattered
    [InlineData("Ivo sprayed.", 9, null)]                        // names under five letters are ordinary words
    [InlineData("Ana Novak sprayed yesterday.", 1, null)]        // the asker's own name is not a breach
    public void Finds_other_farmers_names_without_case_or_diacritics(string text, int asker, string? found) =>
        Assert.Equal(found is null ? [] : [found], Index.FoundIn(text, asker));

    [Fact]
    public void Stops_at_the_limit() =>
        Assert.Equal(2, Index.FoundIn("Ana Novak, Šimun Horvat and Mariana", null, limit: 2).Count);
}
