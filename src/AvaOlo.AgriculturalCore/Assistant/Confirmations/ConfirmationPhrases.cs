using System.Collections.Frozen;

namespace AvaOlo.AgriculturalCore.Assistant.Confirmations;

/// <summary>
/// What the server says when the farmer answers a proposal: {0} is the proposal's summary; in SafeFrom {0} field,
/// {1} date, {2} product, {3} days. Languages without sentences here get English, as the rule-based answers do.
/// </summary>
internal sealed record ConfirmationPhrases(string Language, string Recorded, string SafeFrom, string Deleted, string Declined, string Failed)
{
    private static readonly FrozenDictionary<string, ConfirmationPhrases> All = new ConfirmationPhrases[]
    {
        new("en", "Recorded: {0}.", "{0} is safe to harvest from {1} (pre-harvest interval of {2}: {3} days).", "Deleted: {0}.",
            "All right, nothing was changed.", "That can no longer be done (the records changed in the meantime); nothing was changed."),
        new("sl", "Zabeleženo: {0}.", "{0}: spravilo je varno od {1} (karenca za {2}: {3} dni).", "Izbrisano: {0}.",
            "V redu, nič ni bilo spremenjeno.", "Tega ni več mogoče narediti (evidenca se je medtem spremenila); nič ni bilo spremenjeno."),
        new("hr", "Zabilježeno: {0}.", "{0}: berba je sigurna od {1} (karenca za {2}: {3} dana).", "Obrisano: {0}.",
            "U redu, ništa nije promijenjeno.", "To se više ne može učiniti (evidencija se u međuvremenu promijenila); ništa nije promijenjeno."),
        new("bg", "Записано: {0}.", "{0}: прибирането е безопасно от {1} (карантинен срок на {2}: {3} дни).", "Изтрито: {0}.",
            "Добре, нищо не е променено.", "Това вече не може да се направи (записите са се променили междувременно); нищо не е променено."),
        new("hu", "Rögzítve: {0}.", "{0}: a betakarítás {1} naptól biztonságos (a(z) {2} élelmezés-egészségügyi várakozási ideje: {3} nap).", "Törölve: {0}.",
            "Rendben, semmi sem változott.", "Ezt már nem lehet elvégezni (a nyilvántartás közben megváltozott); semmi sem változott."),
        new("sr", "Забележено: {0}.", "{0}: берба је безбедна од {1} (каренца за {2}: {3} дана).", "Обрисано: {0}.",
            "У реду, ништа није промењено.", "То више не може да се уради (евиденција се у међувремену променила); ништа није промењено."),
        new("de", "Eingetragen: {0}.", "{0}: Ernte ab {1} sicher (Wartezeit von {2}: {3} Tage).", "Gelöscht: {0}.",
            "In Ordnung, es wurde nichts geändert.", "Das geht nicht mehr (die Aufzeichnungen haben sich inzwischen geändert); es wurde nichts geändert."),
        new("it", "Registrato: {0}.", "{0}: raccolta sicura dal {1} (intervallo di sicurezza di {2}: {3} giorni).", "Eliminato: {0}.",
            "Va bene, non è stato cambiato nulla.", "Non è più possibile farlo (i registri sono cambiati nel frattempo); non è stato cambiato nulla."),
    }.ToFrozenDictionary(p => p.Language, StringComparer.Ordinal);

    public static ConfirmationPhrases For(string language) => All.TryGetValue(language, out var phrases) ? phrases : All["en"];
}
