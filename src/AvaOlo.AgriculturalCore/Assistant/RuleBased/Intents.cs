using AvaOlo.AgriculturalCore.Assistant.Matching;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased;

public enum Intent { PreHarvestInterval, Harvest, PlantCount, Tasks, Crops, Fields }

/// <summary>
/// What a question asks about, from word stems in the languages we answer offline (matched as a <see cref="StemSet"/>).
/// </summary>
public static class Intents
{
    private static readonly StemSet Phi = new(["karenc", "каренц", "pre-harvest", "preharvest", "pre harvest", "phi", "waiting period", "withholding",
        "wartezeit", "carenz", "intervallo di sicurezza", "varakozasi", "карантинен срок", "карантинния срок", "карантинният срок"]);
    private static readonly StemSet Harvest = new(["harvest", "zetv", "zeti", "zanj", "pozet", "kombajn", "berb", "bere", "brati", "pobra", "spravil", "obira", "бера", "прибира",
        "беритб", "жътв", "жън", "ernte", "raccol", "mietit", "vendemm", "arat", "betakar", "szuret", "берб", "жетв", "убира", "бран"]);
    private static readonly StemSet Count = new(["how many", "koliko", "колко", "колико", "wie viele", "wieviel", "quant", "hany", "number of", "stevilo", "broj"]);
    private static readonly StemSet PlantWords = new(["tree", "plant", "drev", "drvo", "drva", "stabl", "sadik", "rastlin", "biljk", "дърв", "растени",
        "дрв", "биљк", "baum", "baume", "pflanz", "alber", "piant", "fak", "noveny", "trs", "lozn", "лоз", "грозд", "vine"]);
    private static readonly StemSet FieldWords = new(["field", "polj", "njiv", "parcel", "hektar", "hectare", "ha", "area", "povrsin", "zemlj", "поле", "полет",
        "площ", "хектар", "нив", "парцел", "feld", "felder", "flache", "campo", "campi", "superfic", "terulet", "tabla", "fold", "land", "acre"]);
    private static readonly StemSet CropWords = new(["crop", "grow", "planted", "posajen", "posejan", "sejem", "sadim", "raste", "zasaj", "kultur", "sije",
        "усев", "култур", "засад", "отглежд", "angebaut", "anbau", "coltiv", "semina", "vetem", "termesz", "сеј", "гаји", "sown"]);
    private static readonly StemSet TaskWords = new(["task", "due", "todo", "to do", "work", "spray", "naloga", "opravil", "delo", "zadat", "posao", "posl", "radov",
        "задач", "дейност", "работ", "aufgab", "arbeit", "attivit", "lavor", "feladat", "munk", "spric", "skrop", "prsk", "пръск", "прск", "spritz",
        "trattament", "irror", "permet", "fertil", "gnoj", "dung", "дюб", "тор", "ђубр", "concim", "sow", "sejat", "sjetv", "setev", "сеит", "saat", "vetes"]);
    private static readonly StemSet AdviceWords = new(["should", "when", "how", "why", "treba", "potreb", "mora", "kako", "kdaj", "kada", "zakaj", "zasto",
        "кога", "как", "защо", "трябва", "когда", "када", "како", "зашто", "треба", "soll", "wann", "warum", "wie", "quando", "come", "perche",
        "bisogna", "mikor", "hogyan", "miert", "kell"]);

    /// <summary>The intents a question matches, most specific first.</summary>
    public static IReadOnlyList<Intent> Detect(string question, IEnumerable<string> ownCropNames)
    {
        var words = TextMatch.Words(question);
        bool Any(StemSet stems) => stems.MatchesAny(words);
        var mentionsOwnCrop = ownCropNames.Any(c => TextMatch.Mentions(words, c));

        var intents = new List<Intent>();
        if (Any(Phi)) intents.Add(Intent.PreHarvestInterval);
        if (Any(Harvest)) intents.Add(Intent.Harvest);
        if (Any(Count) && (Any(PlantWords) || (mentionsOwnCrop && !Any(FieldWords)))) intents.Add(Intent.PlantCount);
        if (Any(TaskWords)) intents.Add(Intent.Tasks);
        if (Any(CropWords)) intents.Add(Intent.Crops);
        if (Any(FieldWords)) intents.Add(Intent.Fields);
        return intents;
    }

    /// <summary>Does the question ask for a pre-harvest interval? Then that is its intent, ahead of any other.</summary>
    public static bool AsksForPreHarvestInterval(string question) => Phi.MatchesAny(TextMatch.Words(question));

    /// <summary>Does the question ask for advice ("when should I…") rather than only for records?</summary>
    public static bool AsksForAdvice(string question)
    {
        return AdviceWords.MatchesAny(TextMatch.Words(question));
    }
}
