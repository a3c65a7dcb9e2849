using AvaOlo.AgriculturalCore.Assistant.Matching;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased.Understanding;

/// <summary>
/// The few ideas farmers' questions are built from ("spray", "how much", "allowed", "harvest"), each with its words in
/// our languages. The classifier sees a concept beside the words (<see cref="Features"/>), so what it learns from the
/// Croatian "koliko sam potrošio" also holds for the Hungarian "mennyit használtam fel" it has few examples of: the
/// hand-written training has a dozen phrasings per intent and language, far too few to learn every synonym from.
/// Stems are matched at the start of a word, in Latin letters (<see cref="TextMatch.Latin"/>: Cyrillic transliterated);
/// a stem ending in '$' must be the whole word; one with a space, words in a row. Nothing here gates an answer.
/// </summary>
public static class Concepts
{
    private static readonly (string Name, string[] Stems)[] Table =
    [
        ("spray", ["spray", "prsk", "prska", "skrop", "prask", "permet", "spritz", "gespritzt", "spruzz", "irror", "tratt", "treat",
            "tretir", "behandel", "kezel", "spric", "pospric", "прск", "пръск", "третир", "poskrop", "poprsk"]),
        ("protect", ["protect", "zastit", "zascit", "varstv", "novenyved", "pflanzenschutz", "schutz", "protezion", "difes", "защит", "заштит", "ffs$", "psm$"]),
        ("product", ["product", "sredst", "sredstv", "pesticid", "fungicid", "herbicid", "insekticid", "insecticid", "preparat", "hemij", "kemij",
            "chemical", "chemie", "szer$", "szert", "szere", "szerr", "mittel", "prodott", "fitofarmac", "agrofarmac", "formulat", "препарат", "средств",
            Mentions.ProductToken]),
        ("allowed", ["allow", "permit", "approv", "registr", "authori", "legal", "dovol", "dozvol", "odobr", "smem$", "smijem", "smes$", "razres",
            "engedely", "engedelyez", "szabad", "zugelass", "erlaub", "darf$", "autorizz", "consentit", "ammess", "omologat", "разреш", "регистр",
            "одобр", "дозвол"]),
        ("use", ["used", "use$", "uses$", "using", "spent", "spend", "potros", "utros", "porab", "uporab", "koristi", "upotreb", "primjen", "primen",
            "izpolz", "izrazhod", "razhod", "felhasznal", "hasznal", "fogy", "verbrauch", "eingesetzt", "consum", "utilizz", "usat", "usato", "usa$",
            "използ", "изразход", "разход", "потрош", "утрош", "употреб"]),
        ("amount", ["how much", "koliko", "kolko", "kolik", "kolk$", "kolicin", "mennyi", "mennyit", "wie viel", "wieviel", "quanto", "quanta",
            "quantit", "amount", "колко", "колико", "количеств"]),
        ("count", ["how many", "number of", "stevil", "broj", "anzahl", "numero", "hany$", "hanyat", "wie viele", "quanti", "quante", "брой", "број"]),
        ("input", ["fertil", "fert$", "gnoj", "djubr", "dubr", "tor$", "torove", "tora$", "mutragy", "tragy", "dunger", "dung", "concim", "seme$",
            "semen", "sjem", "seed", "saatgut", "vetomag", "sement", "repromat", "input", "betriebsmittel", "urea", "npk", "ђубр", "семе"]),
        ("harvest", ["harvest", "combin", "kombajn", "kombain", "zet$", "zeti$", "zetv", "zetev", "zanj", "berb", "brati", "pobir", "obir", "spravi",
            "spravlj", "pospravi", "trgat", "ubrat", "pokupi", "zana$", "zatv", "berit", "bera$", "pribir", "rekolt", "arat", "betakarit", "szuret",
            "szed", "ernt", "drusch", "dresch", "mahdresch", "weinles", "raccol", "mietit", "mieter", "trebbi", "vendemm", "жън",
            "жањ", "прибир", "реколт"]),
        ("safe", ["safe", "varn", "sigur", "bezbed", "bezopas", "biztonsag", "sicher", "sicur", "безопас", "безбед"]),
        ("when", ["when", "kdaj", "kada$", "kad$", "koga$", "mikor", "mikortol", "wann", "quando", "кога", "када", "od kdaj", "od kada", "ab wann"]),
        ("last", ["last$", "latest", "zadnj", "poslednj", "posljednj", "posledn", "nazadnj", "utols", "utoljara", "letzt", "zuletzt", "ultim", "последн"]),
        ("with_what", ["with what", "cim$", "cime$", "cimer", "mivel", "womit", "con cosa", "con che", "s kakvo", "с какво", "чиме"]),
        ("list", ["list", "seznam", "popis", "spisak", "spisok", "pregled", "elenco", "overview", "liste", "felsorol", "списък", "списак"]),
        ("field", ["field", "plot", "parcel", "njiv", "niv$", "niva", "nivi", "polj", "pole$", "poleta", "tabl", "fold$", "foldet", "foldem",
            "feld", "felder", "acker", "schlag", "schlage", "campo", "campi", "appezzament", "terren", "нив", "парцел", "њив"]),
        ("named_field", [Mentions.FieldToken]),
        ("area", ["hectar", "hektar", "ha$", "area", "size", "big$", "velik", "povrsin", "plost", "goljam", "kvadrat", "terulet", "nagy$", "mekkora",
            "flache", "gross$", "ettar", "superfic", "grand", "dimension", "acre", "площ", "голям", "величин", "површин"]),
        ("total", ["total", "altogether", "skupaj", "skupn", "ukupn", "sveukupn", "obsto", "obsta", "obst", "osszes", "osszesen", "gesamt",
            "insgesamt", "complessiv", "in tutto", "общ", "укупн"]),
        ("largest", ["largest", "biggest", "najvec", "najvek", "nai goljam", "legnagyobb", "grosst", "piu grand", "maggior", "най голям", "највећ"]),
        ("task", ["task", "job", "todo", "to do", "schedul", "due$", "opravil", "opravk", "delo$", "dela$", "posao", "poslov", "poslovi", "zadat",
            "zadac", "rabot", "feladat", "teend", "munka", "munkak", "aufgab", "arbeit", "erledig", "lavor", "compit", "attivit", "задач", "работ"]),
        ("planned", ["next", "upcoming", "plan$", "plans$", "planned", "planning", "planir", "planen", "geplant", "pianific", "naslednj", "sljedec", "sledec", "predstoj", "naredn", "kovetkez", "nachst", "demnachst",
            "prossim", "programm", "предстои", "следващ", "наредн", "следећ"]),
        ("grow", ["grow", "crop", "sow", "sown", "planted$", "gepflanzt", "kultur", "raste", "posej", "posij", "posad", "zasad", "zasej", "zasij", "sejal", "gojim", "goji",
            "uzgaj", "gaji", "gajim", "otglezd", "terem", "termeszt", "vetett", "vetes", "wachst", "angebaut", "anbau", "gesat", "coltiv", "semin",
            "cresc", "piantat", "расте", "засад", "засят", "култур", "отглежд", "посеј", "гаји"]),
        ("pest", ["disease", "blight", "mildew", "pest$", "pests$", "weed", "aphid", "plesen", "plesn", "plamenjac", "bolez", "bolest", "usi$", "usic", "uši",
            "korov", "plevel", "gyom", "unkraut", "erbacc", "malatt", "peronospor", "krankheit", "beteg", "insect", "insekt", "rovar", "schadling",
            "parassit", "mana$", "болест", "плевел", "вредит", "мана", "пламењач", "пламенјач"]),
        ("need", ["should", "need", "must", "potreb", "treba", "trebam", "moram", "mora$", "kell$", "kellene", "szukseges", "soll", "sollte", "muss",
            "devo", "bisogna", "serve", "трябва", "треба", "потреб"]),
        ("why", ["why", "zakaj", "zasto", "zashto", "miert", "warum", "perche", "защо", "зашто"]),
        ("how_to", ["how do", "how to", "how should", "kako", "kak$", "kako da", "hogyan", "wie kann", "wie soll", "come si", "come posso", "come devo", "как$"]),
    ];

    private static readonly (string Name, string[] Whole, string[] Prefix, string[] Phrase)[] Sets = Table
        .Select(c => (c.Name, Latin(c.Stems.Where(s => s.EndsWith('$')).Select(s => s[..^1])),
            Latin(c.Stems.Where(s => !s.EndsWith('$') && !s.Contains(' ', StringComparison.Ordinal))),
            Latin(c.Stems.Where(s => s.Contains(' ', StringComparison.Ordinal)))))
        .ToArray();

    private static string[] Latin(IEnumerable<string> stems) => stems.Select(s => string.Join(' ', TextMatch.LatinWords(s))).Distinct().ToArray();

    /// <summary>The concepts the words (<see cref="TextMatch.LatinWords"/>) name, in table order.</summary>
    public static List<string> Of(string[] words)
    {
        var found = new List<string>();
        string? joined = null;
        foreach (var (name, whole, prefix, phrase) in Sets)
        {
            var hit = words.Any(w => whole.Contains(w) || prefix.Any(p => w.StartsWith(p, StringComparison.Ordinal)));
            if (!hit && phrase.Length > 0)
            {
                joined ??= " " + string.Join(' ', words) + " ";
                hit = phrase.Any(p => joined.Contains(" " + p, StringComparison.Ordinal));
            }
            if (hit) found.Add(name);
        }
        return found;
    }
}
