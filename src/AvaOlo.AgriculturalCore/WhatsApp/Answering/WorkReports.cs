using AvaOlo.AgriculturalCore.Assistant.Matching;

namespace AvaOlo.AgriculturalCore.WhatsApp.Answering;

/// <summary>
/// Does a message report work the farmer has done ("Danes sem poškropil pšenico…", "Sprayed the top field today")?
/// Used only when no model can turn the report into a proposal: such a message is kept for an agronomist to record
/// rather than answered as a question. Past-tense work verbs (with the prefixes these languages put in front) in the
/// languages we answer offline; a question is never a report. Crops and countries play no part.
/// </summary>
public static class WorkReports
{
    private static readonly StemSet DoneWork = new([
        // en
        "sprayed", "sowed", "sown", "planted", "harvested", "fertilised", "fertilized", "ploughed", "plowed", "irrigated", "spread", "applied", "mowed",
        // sl
        "poskropil", "skropil", "posprical", "sprical", "posejal", "sejal", "posadil", "sadil", "pozel", "pognojil", "gnojil", "zoral", "oral", "namakal", "pokosil",
        "pobral", "obral", "razmetal", "trosil",
        // hr, sr (Latin and Cyrillic)
        "poprskao", "prskao", "poprskal", "posijao", "sijao", "posadio", "sadio", "pozeo", "pognojio", "gnojio", "poorao", "orao", "navodnjavao", "pokosio",
        "obrao", "pobrao", "rasturio", "попрскао", "прскао", "посејао", "сејао", "посадио", "пожњео", "ођубрио", "поорао", "покосио", "обрао",
        // bg
        "напръсках", "пръсках", "засях", "посях", "засадих", "пожънах", "ожънах", "торих", "наторих", "изорах", "поливах", "окосих", "обрах",
        // hu
        "permeteztem", "vetettem", "ultettem", "arattam", "betakaritottam", "tragyaztam", "szantottam", "ontoztem", "kaszaltam", "szuretelt",
        // de
        "gespritzt", "gesat", "gepflanzt", "geerntet", "gedungt", "gepflugt", "bewassert", "gemaht", "ausgebracht",
        // it
        "spruzzato", "irrorato", "trattato", "seminato", "piantato", "raccolto", "concimato", "arato", "irrigato", "falciato", "vendemmiato",
    ]);

    public static bool Looks(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Contains('?', StringComparison.Ordinal)) return false;
        return DoneWork.MatchesAny(TextMatch.Words(text));
    }
}
