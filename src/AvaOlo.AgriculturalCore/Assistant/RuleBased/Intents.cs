using AvaOlo.AgriculturalCore.Assistant.Matching;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased;

/// <summary>
/// Two word-stem signals beside the trained classifier (Understanding/): a pre-harvest interval named outright
/// ("karenca", "Wartezeit") is unambiguous, and "when/how/should" marks a question that asks for advice.
/// </summary>
public static class Intents
{
    private static readonly StemSet Phi = new(["karenc", "каренц", "pre-harvest", "preharvest", "pre harvest", "phi", "waiting period", "withholding",
        "wartezeit", "carenz", "intervallo di sicurezza", "varakozasi", "карантинен срок", "карантинния срок", "карантинният срок"]);
    private static readonly StemSet PlantWords = new(["tree", "plant", "drev", "drvo", "drva", "stabl", "sadik", "rastlin", "biljk", "дърв", "растени",
        "дрв", "биљк", "baum", "baume", "pflanz", "rebst", "alber", "piant", "viti", "fak", "fa", "fam", "faim", "fat", "noveny", "tove", "trs", "lozn", "лоз",
        "грозд", "vine", "stock", "darv", "rasteni", "drv", "bilj", "loz", "grozd"]);
    private static readonly StemSet Count = new(["how many", "koliko", "kolko", "колко", "колико", "wie viele", "wieviel", "quant", "hany", "number of",
        "stevilo", "broj", "kolik", "anzahl", "numero"]);
    private static readonly StemSet AdviceWords = new(["should", "when", "how", "why", "treba", "potreb", "mora", "kako", "kdaj", "kada", "zakaj", "zasto",
        "кога", "как", "защо", "трябва", "когда", "када", "како", "зашто", "треба", "soll", "wann", "warum", "wie", "quando", "come", "perche",
        "bisogna", "mikor", "hogyan", "miert", "kell"]);

    /// <summary>Does the question ask for a pre-harvest interval? Then that is its intent, ahead of any other.</summary>
    public static bool AsksForPreHarvestInterval(string question) => Phi.MatchesAny(TextMatch.Words(question));

    /// <summary>Does the question name plants or trees (a plant count needs them: "how many" alone is about fields)?</summary>
    public static bool NamesPlants(string[] words) => PlantWords.MatchesAny(words);

    /// <summary>"How many trees/plants/vines": a count of plants, whatever else the question names.</summary>
    public static bool CountsPlants(string[] words) => Count.MatchesAny(words) && PlantWords.MatchesAny(words);

    /// <summary>Does the question ask for advice ("when should I…") rather than only for records?</summary>
    public static bool AsksForAdvice(string question)
    {
        return AdviceWords.MatchesAny(TextMatch.Words(question));
    }
}
