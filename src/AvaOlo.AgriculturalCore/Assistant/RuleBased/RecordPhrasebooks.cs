namespace AvaOlo.AgriculturalCore.Assistant.RuleBased;

/// <summary>
/// Sentences for the answers about one field and about the season's records, in the languages of <see cref="Phrasebooks"/>.
/// Placeholders: {field} {area} {crop} {country} and {0} for a list.
/// </summary>
public sealed record RecordPhrasebook(
    string FieldArea, string Largest, string NothingOnField, string Sprayed, string NoSprayings, string Used, string NotUsed,
    string Registered, string NoneRegistered, string FromRecords);

public static class RecordPhrasebooks
{
    public static readonly RecordPhrasebook En = new(
        "Field {field}: {area} ha.", "Your largest field is {field}, {area} ha.", "Your records show nothing planted on {field} this season.",
        "Sprayings in your records: {0}.", "Your records have no spraying in the last twelve months.",
        "Used in the last twelve months according to your records: {0}.", "Your records show no inputs used in the last twelve months.",
        "Products the rules hold for {crop} in {country}: {0}.", "The catalogue holds no products for {crop} in {country}.",
        "From your records:");

    private static readonly Dictionary<string, RecordPhrasebook> ByLanguage = new(StringComparer.Ordinal)
    {
        ["en"] = En,
        ["sl"] = new("Polje {field}: {area} ha.", "Vaše največje polje je {field}, {area} ha.", "Vaša evidenca v tej sezoni na polju {field} ne navaja nobene kulture.",
            "Škropljenja v vaši evidenci: {0}.", "V evidenci ni škropljenja v zadnjih dvanajstih mesecih.",
            "Porabljeno v zadnjih dvanajstih mesecih po vaši evidenci: {0}.", "Vaša evidenca v zadnjih dvanajstih mesecih ne navaja porabe sredstev.",
            "Sredstva, ki jih pravila dovoljujejo za kulturo {crop} ({country}): {0}.", "Katalog nima sredstev za kulturo {crop} ({country}).",
            "Iz vaše evidence:"),
        ["hr"] = new("Polje {field}: {area} ha.", "Vaše najveće polje je {field}, {area} ha.", "Vaša evidencija ove sezone ne navodi nijednu kulturu na polju {field}.",
            "Prskanja u vašoj evidenciji: {0}.", "U evidenciji nema prskanja u posljednjih dvanaest mjeseci.",
            "Potrošeno u posljednjih dvanaest mjeseci prema vašoj evidenciji: {0}.", "Vaša evidencija u posljednjih dvanaest mjeseci ne navodi potrošnju sredstava.",
            "Sredstva koja pravila dopuštaju za kulturu {crop} ({country}): {0}.", "Katalog nema sredstava za kulturu {crop} ({country}).",
            "Iz vaše evidencije:"),
        ["bg"] = new("Поле „{field}“: {area} ха.", "Най-голямото ви поле е „{field}“, {area} ха.", "Записите ви не посочват култура на поле „{field}“ този сезон.",
            "Пръскания в записите ви: {0}.", "Няма записано пръскане през последните дванадесет месеца.",
            "Използвано през последните дванадесет месеца според записите ви: {0}.", "Записите ви не посочват използвани продукти през последните дванадесет месеца.",
            "Продукти, които правилата допускат за {crop} ({country}): {0}.", "Каталогът няма продукти за {crop} ({country}).",
            "От вашите записи:"),
        ["hu"] = new("{field}: {area} ha.", "A legnagyobb táblája: {field}, {area} ha.", "A nyilvántartása ebben a szezonban nem ad meg növényt a(z) {field} táblán.",
            "Permetezések a nyilvántartásában: {0}.", "Az elmúlt tizenkét hónapban nincs permetezés a nyilvántartásában.",
            "Felhasználva az elmúlt tizenkét hónapban a nyilvántartása szerint: {0}.", "A nyilvántartása az elmúlt tizenkét hónapban nem mutat felhasználást.",
            "A szabályok szerint {crop} esetén használható szerek ({country}): {0}.", "A katalógusban nincs szer {crop} esetén ({country}).",
            "A nyilvántartása szerint:"),
        ["sr"] = new("Парцела {field}: {area} ха.", "Ваша највећа парцела је {field}, {area} ха.", "Ваша евиденција ове сезоне не наводи ниједну културу на парцели {field}.",
            "Прскања у вашој евиденцији: {0}.", "У евиденцији нема прскања у последњих дванаест месеци.",
            "Потрошено у последњих дванаест месеци према вашој евиденцији: {0}.", "Ваша евиденција у последњих дванаест месеци не наводи потрошњу средстава.",
            "Средства која правила дозвољавају за културу {crop} ({country}): {0}.", "Каталог нема средстава за културу {crop} ({country}).",
            "Из ваше евиденције:"),
        ["de"] = new("Feld {field}: {area} ha.", "Ihr größtes Feld ist {field}, {area} ha.", "Ihre Aufzeichnungen nennen für {field} in dieser Saison keine Kultur.",
            "Pflanzenschutzbehandlungen in Ihren Aufzeichnungen: {0}.", "In den letzten zwölf Monaten ist keine Behandlung aufgezeichnet.",
            "Verbraucht in den letzten zwölf Monaten laut Ihren Aufzeichnungen: {0}.", "Ihre Aufzeichnungen zeigen in den letzten zwölf Monaten keinen Verbrauch.",
            "Mittel, die die Regeln für {crop} zulassen ({country}): {0}.", "Der Katalog enthält keine Mittel für {crop} ({country}).",
            "Aus Ihren Aufzeichnungen:"),
        ["it"] = new("Campo {field}: {area} ha.", "Il suo campo più grande è {field}, {area} ha.", "I suoi registri non indicano colture su {field} in questa stagione.",
            "Trattamenti nei suoi registri: {0}.", "Nessun trattamento registrato negli ultimi dodici mesi.",
            "Usato negli ultimi dodici mesi secondo i suoi registri: {0}.", "I suoi registri non indicano consumi negli ultimi dodici mesi.",
            "Prodotti che le regole ammettono per {crop} ({country}): {0}.", "Il catalogo non ha prodotti per {crop} ({country}).",
            "Dai suoi registri:"),
    };

    public static RecordPhrasebook For(string language) => ByLanguage.TryGetValue(language, out var book) ? book : ByLanguage[language == "bs" ? "hr" : "en"];
}
