namespace AvaOlo.AgriculturalCore.WhatsApp.Answering;

/// <summary>
/// The channel's own short replies, in the farmers' main languages; English for the rest. (The assistant writes
/// every answer to a question; these cover messages it cannot read yet and messages that could not be processed.)
/// </summary>
public static class ChannelPhrases
{
    private static readonly Dictionary<string, (string TextOnly, string Failed)> Phrases = new(StringComparer.Ordinal)
    {
        ["en"] = ("Thank you! For now I can read text messages only: please write your question.",
                  "Sorry, I could not process your message. An agronomist will look at it."),
        ["sl"] = ("Hvala! Zaenkrat znam brati samo besedilna sporočila: prosim, napišite svoje vprašanje.",
                  "Oprostite, vašega sporočila nisem mogel obdelati. Pregledal ga bo agronom."),
        ["hr"] = ("Hvala! Za sada mogu čitati samo tekstualne poruke: molim vas, napišite svoje pitanje.",
                  "Oprostite, vašu poruku nisam mogao obraditi. Pregledat će je agronom."),
        ["sr"] = ("Хвала! За сада могу да читам само текстуалне поруке: молим вас, напишите своје питање.",
                  "Извините, нисам могао да обрадим вашу поруку. Прегледаће је агроном."),
        ["bg"] = ("Благодаря! Засега мога да чета само текстови съобщения: моля, напишете въпроса си.",
                  "Съжалявам, не успях да обработя съобщението ви. Агроном ще го прегледа."),
        ["hu"] = ("Köszönöm! Egyelőre csak szöveges üzeneteket tudok olvasni: kérem, írja le a kérdését.",
                  "Sajnálom, nem tudtam feldolgozni az üzenetét. Egy agronómus megnézi."),
        ["de"] = ("Danke! Im Moment kann ich nur Textnachrichten lesen: Bitte schreiben Sie Ihre Frage.",
                  "Entschuldigung, ich konnte Ihre Nachricht nicht verarbeiten. Ein Agronom sieht sie sich an."),
        ["it"] = ("Grazie! Per ora posso leggere solo messaggi di testo: scriva la sua domanda, per favore.",
                  "Mi scusi, non sono riuscito a elaborare il suo messaggio. Un agronomo lo esaminerà."),
    };

    public static (string Language, string Text) TextOnly(string? language) => Pick(language, p => p.TextOnly);

    public static (string Language, string Text) Failed(string? language) => Pick(language, p => p.Failed);

    private static (string, string) Pick(string? language, Func<(string TextOnly, string Failed), string> which) =>
        language is not null && Phrases.TryGetValue(language, out var p) ? (language, which(p)) : ("en", which(Phrases["en"]));
}
