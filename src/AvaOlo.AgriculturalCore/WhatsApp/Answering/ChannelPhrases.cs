namespace AvaOlo.AgriculturalCore.WhatsApp.Answering;

/// <summary>The channel's own short replies in one language (see <see cref="ChannelPhrases"/>).</summary>
/// <summary>LocationQuestion: {0} the field, {1} the coordinates.</summary>
public sealed record ChannelPhraseSet(string TextOnly, string Failed, string ReportKept, string Stale, string VoiceNeedsAdvisor, string MediaTooBig,
    string ImageKept, string WhichField, string LocationQuestion);

/// <summary>
/// The channel's own short replies, in the farmers' main languages; English for the rest. (The assistant writes
/// every answer to a question; these cover messages it cannot read, reports kept for an agronomist, and messages
/// that could not be processed.)
/// </summary>
public static class ChannelPhrases
{
    private static readonly Dictionary<string, ChannelPhraseSet> Phrases = new(StringComparer.Ordinal)
    {
        ["en"] = new("Thank you! I cannot read this kind of message: please write your question.",
            "Sorry, I could not process your message. An agronomist will look at it.",
            "Thank you, I have passed your report to an agronomist. Nothing is recorded until it is checked.",
            "That question is no longer open, so nothing was changed.",
            "Thank you for the voice message! Listening to voice messages needs the AI advisor, which is not available now: please write your question.",
            "Sorry, this file is too large for me (at most 16 MB).",
            "Thank you for the photo! An agronomist will look at it and answer you.",
            "Which field is at this location? Please write its name, then send the location again.",
            "Shall I set the location of {0} to {1}?"),
        ["sl"] = new("Hvala! Takšnega sporočila ne znam prebrati: prosim, napišite svoje vprašanje.",
            "Oprostite, vašega sporočila nisem mogel obdelati. Pregledal ga bo agronom.",
            "Hvala, vaše poročilo sem posredoval agronomu. Nič ni zabeleženo, dokler ga ne preveri.",
            "To vprašanje ni več odprto, zato ni bilo nič spremenjeno.",
            "Hvala za glasovno sporočilo! Za poslušanje glasovnih sporočil potrebujem AI svetovalca, ki trenutno ni na voljo: prosim, napišite vprašanje.",
            "Oprostite, ta datoteka je zame prevelika (največ 16 MB).",
            "Hvala za fotografijo! Agronom si jo bo ogledal in vam odgovoril.",
            "Katera njiva je na tej lokaciji? Prosim, napišite njeno ime in nato znova pošljite lokacijo.",
            "Naj lokacijo njive {0} nastavim na {1}?"),
        ["hr"] = new("Hvala! Takvu poruku ne mogu pročitati: molim vas, napišite svoje pitanje.",
            "Oprostite, vašu poruku nisam mogao obraditi. Pregledat će je agronom.",
            "Hvala, vaše izvješće proslijedio sam agronomu. Ništa nije zabilježeno dok ga ne provjeri.",
            "To pitanje više nije otvoreno, pa ništa nije promijenjeno.",
            "Hvala na glasovnoj poruci! Za slušanje glasovnih poruka potreban je AI savjetnik, koji trenutno nije dostupan: molim vas, napišite pitanje.",
            "Oprostite, ova je datoteka za mene prevelika (najviše 16 MB).",
            "Hvala na fotografiji! Agronom će je pogledati i odgovoriti vam.",
            "Koja je parcela na ovoj lokaciji? Molim vas, napišite njezin naziv i zatim ponovno pošaljite lokaciju.",
            "Da postavim lokaciju parcele {0} na {1}?"),
        ["sr"] = new("Хвала! Такву поруку не могу да прочитам: молим вас, напишите своје питање.",
            "Извините, нисам могао да обрадим вашу поруку. Прегледаће је агроном.",
            "Хвала, ваш извештај сам проследио агроному. Ништа није забележено док га не провери.",
            "То питање више није отворено, па ништа није промењено.",
            "Хвала на гласовној поруци! За слушање гласовних порука потребан је AI саветник, који тренутно није доступан: молим вас, напишите питање.",
            "Извините, ова датотека је за мене превелика (највише 16 MB).",
            "Хвала на фотографији! Агроном ће је погледати и одговорити вам.",
            "Која парцела је на овој локацији? Молим вас, напишите њен назив и затим поново пошаљите локацију.",
            "Да поставим локацију парцеле {0} на {1}?"),
        ["bg"] = new("Благодаря! Не мога да прочета такова съобщение: моля, напишете въпроса си.",
            "Съжалявам, не успях да обработя съобщението ви. Агроном ще го прегледа.",
            "Благодаря, предадох доклада ви на агроном. Нищо не е записано, докато той не го провери.",
            "Този въпрос вече не е отворен, затова нищо не е променено.",
            "Благодаря за гласовото съобщение! За слушането му е нужен AI съветникът, който сега не е достъпен: моля, напишете въпроса си.",
            "Съжалявам, този файл е твърде голям за мен (най-много 16 MB).",
            "Благодаря за снимката! Агроном ще я прегледа и ще ви отговори.",
            "Кое поле е на това място? Моля, напишете името му и изпратете местоположението отново.",
            "Да задам ли местоположението на {0} на {1}?"),
        ["hu"] = new("Köszönöm! Ilyen üzenetet nem tudok olvasni: kérem, írja le a kérdését.",
            "Sajnálom, nem tudtam feldolgozni az üzenetét. Egy agronómus megnézi.",
            "Köszönöm, a jelentését továbbítottam egy agronómusnak. Semmi sincs rögzítve, amíg ellenőrzi.",
            "Ez a kérdés már nem nyitott, így semmi sem változott.",
            "Köszönöm a hangüzenetet! A hangüzenetek meghallgatásához az AI tanácsadó kell, amely most nem érhető el: kérem, írja le a kérdését.",
            "Sajnálom, ez a fájl túl nagy nekem (legfeljebb 16 MB).",
            "Köszönöm a fényképet! Egy agronómus megnézi és válaszol.",
            "Melyik tábla van ezen a helyen? Kérem, írja meg a nevét, majd küldje el újra a helyet.",
            "Beállítsam a(z) {0} tábla helyét erre: {1}?"),
        ["de"] = new("Danke! Diese Art von Nachricht kann ich nicht lesen: Bitte schreiben Sie Ihre Frage.",
            "Entschuldigung, ich konnte Ihre Nachricht nicht verarbeiten. Ein Agronom sieht sie sich an.",
            "Danke, ich habe Ihre Meldung an einen Agronomen weitergegeben. Nichts wird eingetragen, bevor er sie prüft.",
            "Diese Frage ist nicht mehr offen, daher wurde nichts geändert.",
            "Danke für die Sprachnachricht! Zum Anhören brauche ich den KI-Berater, der gerade nicht verfügbar ist: Bitte schreiben Sie Ihre Frage.",
            "Entschuldigung, diese Datei ist mir zu groß (höchstens 16 MB).",
            "Danke für das Foto! Ein Agronom sieht es sich an und antwortet Ihnen.",
            "Welches Feld liegt an diesem Ort? Bitte schreiben Sie seinen Namen und senden Sie den Standort noch einmal.",
            "Soll ich den Standort von {0} auf {1} setzen?"),
        ["it"] = new("Grazie! Non riesco a leggere questo tipo di messaggio: scriva la sua domanda, per favore.",
            "Mi scusi, non sono riuscito a elaborare il suo messaggio. Un agronomo lo esaminerà.",
            "Grazie, ho passato la sua segnalazione a un agronomo. Nulla viene registrato finché non la controlla.",
            "Quella domanda non è più aperta, quindi non è stato cambiato nulla.",
            "Grazie per il messaggio vocale! Per ascoltarlo serve il consulente AI, che ora non è disponibile: scriva la sua domanda, per favore.",
            "Mi scusi, questo file è troppo grande per me (al massimo 16 MB).",
            "Grazie per la foto! Un agronomo la guarderà e le risponderà.",
            "Quale campo si trova in questo punto? Scriva il suo nome e poi invii di nuovo la posizione.",
            "Imposto la posizione di {0} su {1}?"),
    };

    public static (string Language, string Text) TextOnly(string? language) => Pick(language, p => p.TextOnly);
    public static (string Language, string Text) Failed(string? language) => Pick(language, p => p.Failed);
    public static (string Language, string Text) ReportKept(string? language) => Pick(language, p => p.ReportKept);
    public static (string Language, string Text) Stale(string? language) => Pick(language, p => p.Stale);
    public static (string Language, string Text) VoiceNeedsAdvisor(string? language) => Pick(language, p => p.VoiceNeedsAdvisor);
    public static (string Language, string Text) MediaTooBig(string? language) => Pick(language, p => p.MediaTooBig);
    public static (string Language, string Text) ImageKept(string? language) => Pick(language, p => p.ImageKept);

    public static (string Language, string Text) WhichField(string? language) => Pick(language, p => p.WhichField);
    public static (string Language, string Text) LocationQuestion(string? language, string field, string place) =>
        Pick(language, p => string.Format(System.Globalization.CultureInfo.InvariantCulture, p.LocationQuestion, field, place));

    private static (string, string) Pick(string? language, Func<ChannelPhraseSet, string> which) =>
        language is not null && Phrases.TryGetValue(language, out var p) ? (language, which(p)) : ("en", which(Phrases["en"]));
}
