using AvaOlo.AgriculturalCore.Assistant.Matching;
using AvaOlo.Data;

namespace AvaOlo.AgriculturalCore.Assistant.Catalogue;

/// <summary>Matches free text (a question, a planting's crop) to a rule crop through <see cref="CropVocabulary"/>.</summary>
public static class CropNames
{
    // Inflected forms the shared vocabulary's stems miss: Serbian "јечму" (ječam in the locative), "u uljanoj repici",
    // Italian "granturco" and "grano" (the farmers' word for wheat), English "OSR". Only to find the rule crop a question names; nothing here gates what a farmer may grow.
    private static readonly Dictionary<string, string[]> MoreStems = new(StringComparer.Ordinal)
    {
        ["wheat"] = ["grano"], ["barley"] = ["јечм", "jecm"], ["maize"] = ["granturc", "granoturc", "kukuruz"],
        ["oilseed rape"] = ["repic", "репиц", "rapeseed", "osr", "rape", "ogrscic", "rapsz"],
    };

    private static readonly (string Crop, StemSet Stems)[] Sets = CropVocabulary.Stems
        .Select(kv => (kv.Key, new StemSet(kv.Value.Concat(MoreStems.GetValueOrDefault(kv.Key) ?? [])))).ToArray();

    /// <summary>The rule crop a text (a question or a planting's crop name) refers to, if any.</summary>
    public static string? Canonical(string text)
    {
        var words = TextMatch.Words(text);
        // The longest stem wins: Italian "granoturco" (maize) starts with "grano" (wheat).
        string? best = null;
        var length = 0;
        foreach (var (crop, stems) in Sets)
            if (stems.LongestMatch(words) is var l && l > length) (best, length) = (crop, l);
        return best;
    }

    /// <summary>Whether a planting's free-text crop name is the rule's crop.</summary>
    public static bool Same(string plantingCrop, string ruleCrop) =>
        string.Equals(Canonical(plantingCrop) ?? TextMatch.Fold(plantingCrop), ruleCrop, StringComparison.Ordinal);
}

/// <summary>How the offline assistant names a rule crop in its answer.</summary>
public static class CropDisplay
{
    private static readonly Dictionary<string, Dictionary<string, string>> Names = new(StringComparer.Ordinal)
    {
        ["wheat"] = new() { ["en"] = "wheat", ["sl"] = "pšenica", ["hr"] = "pšenica", ["bg"] = "пшеница", ["hu"] = "búza", ["sr"] = "пшеница", ["de"] = "Weizen", ["it"] = "frumento" },
        ["barley"] = new() { ["en"] = "barley", ["sl"] = "ječmen", ["hr"] = "ječam", ["bg"] = "ечемик", ["hu"] = "árpa", ["sr"] = "јечам", ["de"] = "Gerste", ["it"] = "orzo" },
        ["maize"] = new() { ["en"] = "maize", ["sl"] = "koruza", ["hr"] = "kukuruz", ["bg"] = "царевица", ["hu"] = "kukorica", ["sr"] = "кукуруз", ["de"] = "Mais", ["it"] = "mais" },
        ["triticale"] = new() { ["en"] = "triticale", ["sl"] = "tritikala", ["hr"] = "tritikale", ["bg"] = "тритикале", ["hu"] = "tritikálé", ["sr"] = "тритикале", ["de"] = "Triticale", ["it"] = "triticale" },
        ["oilseed rape"] = new() { ["en"] = "oilseed rape", ["sl"] = "oljna ogrščica", ["hr"] = "uljana repica", ["bg"] = "рапица", ["hu"] = "repce", ["sr"] = "уљана репица", ["de"] = "Raps", ["it"] = "colza" },
    };

    public static string Name(string crop, string language) =>
        Names.TryGetValue(crop, out var byLanguage) && byLanguage.TryGetValue(language, out var name) ? name : crop;
}
