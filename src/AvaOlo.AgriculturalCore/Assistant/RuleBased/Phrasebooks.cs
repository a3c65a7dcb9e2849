namespace AvaOlo.AgriculturalCore.Assistant.RuleBased;

/// <summary>
/// Offline sentences for sl, hr, bg, hu, sr, de, it and en. Other languages are answered by the AI advisor;
/// offline they get English, and the answer's language check reports the mismatch honestly.
/// </summary>
public static class Phrasebooks
{
    // {0} count, {1} total ha, {2} list · {crop} {field} {area} {count} {product} {country} {days} {max} {min} {max2} {unit} {date} {safe} {type} {fields}
    public static readonly Phrasebook En = new(
        "Number of fields: {0}, total area {1} ha: {2}.", "There are no fields in your records yet.",
        "This season you have: {0}.", "{crop} on {field} ({area} ha)",
        "According to your records: {crop} on {field} ({area} ha), number of plants: {count}.",
        "Your records do not give the number of plants for {crop} on {field} ({area} ha).",
        "The pre-harvest interval for {product} on {crop} ({country}) is {days} days.",
        "At most {max} applications per season; dose {min}–{max2} {unit}.",
        "The catalogue has no pre-harvest interval for {product} in {country}.", "Please name the product, e.g. Prosaro.",
        "Field {field}{crop}: last sprayed with {product} on {date}, pre-harvest interval {days} days, safe to harvest from {safe}.",
        " That date has passed.", " Do not harvest before then.",
        "Field {field}{crop}: no spraying with a pre-harvest interval is recorded, so nothing in your records stops the harvest.",
        "Expected harvest – {crop}, field {field}: {date}.",
        "Planned work: {0}.", "Done recently: {0}.", "Your records have no work for this period.", "{type} ({fields}) {date}",
        "We do not have farm records for this phone number yet.",
        "For agronomic advice beyond your records the AI advisor is needed, and it is not available right now.", "ha");

    public static readonly Phrasebook Sl = new(
        "Število polj: {0}, skupna površina {1} ha: {2}.", "V evidenci še nimate nobenega polja.",
        "V tej sezoni imate: {0}.", "{crop} na polju {field} ({area} ha)",
        "Po vaši evidenci: {crop} na polju {field} ({area} ha), število rastlin: {count}.",
        "Vaša evidenca ne navaja števila rastlin za {crop} na polju {field} ({area} ha).",
        "Karenca za {product} pri kulturi {crop} ({country}) je {days} dni.",
        "Največje število uporab v sezoni: {max}; odmerek {min}–{max2} {unit}.",
        "V katalogu ni podatka o karenci za {product} ({country}).", "Navedite ime sredstva, npr. Prosaro.",
        "Polje {field}{crop}: zadnje škropljenje s sredstvom {product} je bilo {date}, karenca {days} dni, spravilo je varno od {safe}.",
        " Ta datum je že mimo.", " Pred tem datumom pridelka ne spravljajte.",
        "Polje {field}{crop}: v evidenci ni škropljenja s karenco, zato nič v evidenci ne preprečuje spravila.",
        "Pričakovano spravilo – {crop}, polje {field}: {date}.",
        "Načrtovana opravila: {0}.", "Nedavno opravljeno: {0}.", "V evidenci ni opravil za to obdobje.", "{type} ({fields}) {date}",
        "Za to telefonsko številko še nimamo evidence kmetije.",
        "Za strokovni agronomski nasvet, ki presega vašo evidenco, je potreben AI svetovalec, ki trenutno ni na voljo.", "ha");

    public static readonly Phrasebook Hr = new(
        "Broj polja: {0}, ukupna površina {1} ha: {2}.", "U evidenciji još nemate nijedno polje.",
        "Ove sezone imate: {0}.", "{crop} na polju {field} ({area} ha)",
        "Prema vašoj evidenciji: {crop} na polju {field} ({area} ha), broj biljaka: {count}.",
        "Vaša evidencija ne navodi broj biljaka za {crop} na polju {field} ({area} ha).",
        "Karenca za {product} u kulturi {crop} ({country}) iznosi {days} dana.",
        "Najveći broj primjena po sezoni: {max}; doza {min}–{max2} {unit}.",
        "U katalogu nema podatka o karenci za {product} ({country}).", "Navedite naziv sredstva, npr. Prosaro.",
        "Polje {field}{crop}: zadnje prskanje sredstvom {product} bilo je {date}, karenca {days} dana, berba je sigurna od {safe}.",
        " Taj je datum već prošao.", " Ne berite prije tog datuma.",
        "Polje {field}{crop}: u evidenciji nema prskanja s karencom, pa ništa u evidenciji ne priječi berbu.",
        "Očekivana berba – {crop}, polje {field}: {date}.",
        "Planirani radovi: {0}.", "Nedavno obavljeno: {0}.", "U evidenciji nema radova za to razdoblje.", "{type} ({fields}) {date}",
        "Za ovaj broj telefona još nemamo evidenciju gospodarstva.",
        "Za stručni agronomski savjet izvan vaše evidencije potreban je AI savjetnik, koji trenutačno nije dostupan.", "ha");

    public static readonly Phrasebook Bg = new(
        "Брой полета: {0}, обща площ {1} ха: {2}.", "Все още нямате полета в записите си.",
        "Този сезон имате: {0}.", "{crop} на поле „{field}“ ({area} ха)",
        "Според записите ви: {crop} на поле „{field}“ ({area} ха), брой растения (дървета): {count}.",
        "Записите ви не посочват броя на растенията за {crop} на поле „{field}“ ({area} ха).",
        "Карантинният срок за {product} при {crop} ({country}) е {days} дни.",
        "Максимален брой третирания на сезон: {max}; доза {min}–{max2} {unit}.",
        "В каталога няма данни за карантинния срок на {product} ({country}).", "Посочете името на продукта, например Prosaro.",
        "Поле „{field}“{crop}: последното пръскане с {product} е на {date}, карантинен срок {days} дни, прибирането е безопасно от {safe}.",
        " Тази дата вече е минала.", " Не прибирайте реколтата преди тази дата.",
        "Поле „{field}“{crop}: няма записано пръскане с карантинен срок, така че нищо в записите ви не пречи на прибирането.",
        "Очаквано прибиране – {crop}, поле „{field}“: {date}.",
        "Планирани дейности: {0}.", "Наскоро извършени: {0}.", "Няма записани дейности за този период.", "{type} ({fields}) {date}",
        "Все още нямаме записи за стопанство с този телефонен номер.",
        "За агрономически съвет извън вашите записи е нужен AI съветникът, който в момента не е достъпен.", "ха");

    public static readonly Phrasebook Hu = new(
        "Táblák száma: {0}, teljes terület {1} ha: {2}.", "Még nincs tábla a nyilvántartásában.",
        "Ebben a szezonban: {0}.", "{crop} – {field} tábla ({area} ha)",
        "A nyilvántartása szerint: {crop} – {field} tábla ({area} ha), növények száma: {count}.",
        "A nyilvántartása nem adja meg a növények számát: {crop} – {field} tábla ({area} ha).",
        "A(z) {product} várakozási ideje {crop} esetén ({country}): {days} nap.",
        "Szezononként legfeljebb {max} kezelés; dózis {min}–{max2} {unit}.",
        "A katalógusban nincs várakozási idő a(z) {product} szerhez ({country}).", "Adja meg a szer nevét, például Prosaro.",
        "{field} tábla{crop}: az utolsó permetezés {product} szerrel {date} napon volt, várakozási idő {days} nap, a betakarítás {safe} naptól biztonságos.",
        " Ez a dátum már elmúlt.", " Előtte ne takarítson be.",
        "{field} tábla{crop}: nincs nyilvántartott permetezés várakozási idővel, így a nyilvántartás nem akadályozza a betakarítást.",
        "Várható betakarítás – {crop}, {field} tábla: {date}.",
        "Tervezett munkák: {0}.", "Nemrég elvégezve: {0}.", "Erre az időszakra nincs munka a nyilvántartásban.", "{type} ({fields}) {date}",
        "Ehhez a telefonszámhoz még nincs gazdasági nyilvántartásunk.",
        "A nyilvántartásán túli agronómiai tanácshoz az AI tanácsadó szükséges, amely jelenleg nem érhető el.", "ha");

    public static readonly Phrasebook Sr = new(
        "Број парцела: {0}, укупна површина {1} ха: {2}.", "У евиденцији још немате ниједну парцелу.",
        "Ове сезоне имате: {0}.", "{crop} на парцели {field} ({area} ха)",
        "Према вашој евиденцији: {crop} на парцели {field} ({area} ха), број биљака: {count}.",
        "Ваша евиденција не наводи број биљака за {crop} на парцели {field} ({area} ха).",
        "Каренца за {product} у култури {crop} ({country}) износи {days} дана.",
        "Највећи број примена по сезони: {max}; доза {min}–{max2} {unit}.",
        "У каталогу нема податка о каренци за {product} ({country}).", "Наведите назив средства, на пример Prosaro.",
        "Парцела {field}{crop}: последње прскање средством {product} било је {date}, каренца {days} дана, берба је безбедна од {safe}.",
        " Тај датум је већ прошао.", " Не берите пре тог датума.",
        "Парцела {field}{crop}: у евиденцији нема прскања са каренцом, па ништа у евиденцији не спречава бербу.",
        "Очекивана берба – {crop}, парцела {field}: {date}.",
        "Планирани радови: {0}.", "Недавно обављено: {0}.", "У евиденцији нема радова за тај период.", "{type} ({fields}) {date}",
        "За овај број телефона још немамо евиденцију газдинства.",
        "За стручни агрономски савет изван ваше евиденције потребан је AI саветник, који тренутно није доступан.", "ха");

    public static readonly Phrasebook De = new(
        "Anzahl Felder: {0}, Gesamtfläche {1} ha: {2}.", "In Ihren Aufzeichnungen gibt es noch keine Felder.",
        "In dieser Saison: {0}.", "{crop} auf {field} ({area} ha)",
        "Laut Ihren Aufzeichnungen: {crop} auf {field} ({area} ha), Anzahl Pflanzen: {count}.",
        "Ihre Aufzeichnungen nennen keine Pflanzenzahl für {crop} auf {field} ({area} ha).",
        "Die Wartezeit für {product} bei {crop} ({country}) beträgt {days} Tage.",
        "Höchstens {max} Anwendungen pro Saison; Aufwandmenge {min}–{max2} {unit}.",
        "Der Katalog enthält keine Wartezeit für {product} ({country}).", "Bitte nennen Sie das Mittel, z. B. Prosaro.",
        "Feld {field}{crop}: letzte Spritzung mit {product} am {date}, Wartezeit {days} Tage, Ernte sicher ab {safe}.",
        " Dieses Datum ist bereits vorbei.", " Ernten Sie nicht vorher.",
        "Feld {field}{crop}: keine Spritzung mit Wartezeit verzeichnet; nichts in Ihren Aufzeichnungen spricht gegen die Ernte.",
        "Erwartete Ernte – {crop}, Feld {field}: {date}.",
        "Geplante Arbeiten: {0}.", "Kürzlich erledigt: {0}.", "Für diesen Zeitraum sind keine Arbeiten verzeichnet.", "{type} ({fields}) {date}",
        "Zu dieser Telefonnummer haben wir noch keine Betriebsdaten.",
        "Für fachliche Beratung über Ihre Aufzeichnungen hinaus wird der KI-Berater benötigt, der gerade nicht verfügbar ist.", "ha");

    public static readonly Phrasebook It = new(
        "Numero di campi: {0}, superficie totale {1} ha: {2}.", "Nei suoi registri non ci sono ancora campi.",
        "In questa stagione: {0}.", "{crop} su {field} ({area} ha)",
        "Secondo i suoi registri: {crop} su {field} ({area} ha), numero di piante: {count}.",
        "I suoi registri non indicano il numero di piante di {crop} su {field} ({area} ha).",
        "L'intervallo di sicurezza di {product} su {crop} ({country}) è di {days} giorni.",
        "Al massimo {max} applicazioni per stagione; dose {min}–{max2} {unit}.",
        "Nel catalogo non c'è un intervallo di sicurezza per {product} ({country}).", "Indichi il nome del prodotto, ad esempio Prosaro.",
        "Campo {field}{crop}: ultimo trattamento con {product} il {date}, intervallo di sicurezza {days} giorni, raccolta sicura dal {safe}.",
        " Questa data è già passata.", " Non raccogliere prima di questa data.",
        "Campo {field}{crop}: nessun trattamento con intervallo di sicurezza registrato; nei suoi registri nulla impedisce la raccolta.",
        "Raccolta prevista – {crop}, campo {field}: {date}.",
        "Lavori previsti: {0}.", "Fatti di recente: {0}.", "Nessun lavoro registrato per questo periodo.", "{type} ({fields}) {date}",
        "Per questo numero di telefono non abbiamo ancora registri aziendali.",
        "Per un consiglio agronomico oltre i suoi registri serve il consulente IA, che al momento non è disponibile.", "ha");

    private static readonly Dictionary<string, Phrasebook> ByLanguage = new(StringComparer.Ordinal)
    {
        ["en"] = En, ["sl"] = Sl, ["hr"] = Hr, ["bg"] = Bg, ["hu"] = Hu, ["sr"] = Sr, ["de"] = De, ["it"] = It,
        ["bs"] = Hr, // Bosnian readers read Croatian without effort; better than falling back to English
    };

    /// <summary>The phrasebook for a language and the language it really is in.</summary>
    public static (Phrasebook Book, string Language) For(string language) =>
        ByLanguage.TryGetValue(language, out var book) ? (book, language == "bs" ? "hr" : language) : (En, "en");
}
