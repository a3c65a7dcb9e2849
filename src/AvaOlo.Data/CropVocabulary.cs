namespace AvaOlo.Data;

/// <summary>
/// Names of the crops that product rules are written for (rules use English), as lower-case word stems in the
/// languages we serve first. Only for matching a question or a planting's free-text crop to a rule — a crop not
/// listed is still served: its own records match by name, and the AI advisor handles the rest. Also stored in
/// the crop_names table (by `avaolo migrate`) so SQL can make the same match.
/// </summary>
public static class CropVocabulary
{
    public static readonly IReadOnlyDictionary<string, string[]> Stems = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["wheat"] = ["wheat", "pšenic", "pšenič", "пшениц", "búza", "buza", "weizen", "frumento", "grano tenero", "пшеничн"],
        ["barley"] = ["barley", "ječam", "ječm", "ječmen", "ечемик", "јечам", "árpa", "gerste", "orzo"],
        ["maize"] = ["maize", "corn", "kukuruz", "koruz", "царевиц", "кукуруз", "kukoric", "mais", "granoturco"],
        ["triticale"] = ["triticale", "tritikal", "тритикале", "tritikál"],
        ["oilseed rape"] = ["oilseed rape", "rapeseed", "canola", "uljana repica", "uljane repice", "oljna ogrščica", "ogrščic", "рапиц",
            "уљана репица", "repce", "raps", "colza"],
    };
}
