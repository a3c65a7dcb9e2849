using System.Globalization;

namespace AvaOlo.AgriculturalCore.Assistant.AgronomistKnowledge;

/// <summary>How an answer cites the agronomist, in the languages the rule-based assistant speaks (else English).</summary>
public static class Citations
{
    private static readonly Dictionary<string, (string Text, string Culture)> ByLanguage = new(StringComparer.Ordinal)
    {
        ["en"] = ("per your agronomist, {0}", "en-GB"),
        ["sl"] = ("po nasvetu vašega agronoma, {0}", "sl-SI"),
        ["hr"] = ("prema savjetu vašeg agronoma, {0}", "hr-HR"),
        ["bs"] = ("prema savjetu vašeg agronoma, {0}", "hr-HR"),
        ["sr"] = ("према савету вашег агронома, {0}", "sr-Cyrl-RS"),
        ["bg"] = ("според вашия агроном, {0}", "bg-BG"),
        ["hu"] = ("agronómusa szerint, {0}", "hu-HU"),
        ["de"] = ("laut Ihrem Agronomen, {0}", "de-DE"),
        ["it"] = ("secondo il vostro agronomo, {0}", "it-IT"),
    };

    public static string For(string language, DateOnly date)
    {
        var (text, culture) = ByLanguage.TryGetValue(language, out var found) ? found : ByLanguage["en"];
        return string.Format(CultureInfo.InvariantCulture, text, date.ToString("d MMM yyyy", CultureInfo.GetCultureInfo(culture)));
    }

    /// <summary>The agronomist's answer as the assistant gives it: the text, then the citation in brackets.</summary>
    public static string Cited(AgronomistNote note, string language) => $"{note.Answer.Trim()} ({note.Citation(language)})";
}
