using System.Collections.Frozen;

namespace AvaOlo.AgriculturalCore.WhatsApp.Onboarding;

/// <summary>
/// What onboarding and opt-out say, per language; English for any language without sentences here (the mango rule: a
/// farmer is never refused for their language). Consent: {0} name, {1} farm, {2} the consent text's version. ThanksName
/// and Welcome: {0} name. We ask for a name and a farm name, never for a password.
/// </summary>
internal sealed record OnboardingPhrases(string Language, string Intro, string AskName, string ThanksName, string AskFarm, string Consent,
    string Welcome, string Refused, string OptedOut, string OptedIn)
{
    private static readonly FrozenDictionary<string, OnboardingPhrases> All = new OnboardingPhrases[]
    {
        new("en", "I can also keep your farm's records and answer from them. To register, tell me your name (we never ask for a password).",
            "What is your name?", "Thank you, {0}.", "What is your farm called?",
            "Consent (terms {2}): we keep your name ({0}), farm ({1}), number and farm records to answer you; only you, your agronomists and our admins see them, and you can export or erase them at any time. Do you agree? Answer yes or no.",
            "Welcome, {0}! You are registered: ask me anything about your farm.", "All right, I did not register you. You can still ask me questions.",
            "You will get no more messages from us. Write START to get them again.", "Welcome back: you will get our messages again."),
        new("sl", "Lahko vodim tudi evidenco vaše kmetije in odgovarjam iz nje. Za prijavo mi napišite svoje ime (gesla nikoli ne zahtevamo).",
            "Kako vam je ime?", "Hvala, {0}.", "Kako se imenuje vaša kmetija?",
            "Privolitev (pogoji {2}): hranimo vaše ime ({0}), kmetijo ({1}), številko in evidenco kmetije, da vam lahko odgovarjamo; vidite jih le vi, vaši agronomi in naši skrbniki, kadarkoli jih lahko izvozite ali izbrišete. Se strinjate? Odgovorite z da ali ne.",
            "Dobrodošli, {0}! Prijavljeni ste: vprašajte me karkoli o svoji kmetiji.", "V redu, niste prijavljeni. Še vedno me lahko kaj vprašate.",
            "Od nas ne boste več prejemali sporočil. Za ponovno prejemanje napišite START.", "Dobrodošli nazaj: spet boste prejemali naša sporočila."),
        new("hr", "Mogu voditi i evidenciju vašeg gospodarstva i odgovarati iz nje. Za prijavu mi napišite svoje ime (lozinku nikada ne tražimo).",
            "Kako se zovete?", "Hvala, {0}.", "Kako se zove vaše gospodarstvo?",
            "Privola (uvjeti {2}): čuvamo vaše ime ({0}), gospodarstvo ({1}), broj i evidenciju gospodarstva kako bismo vam odgovarali; vide ih samo vi, vaši agronomi i naši administratori, a u svakom trenutku ih možete izvesti ili izbrisati. Slažete li se? Odgovorite s da ili ne.",
            "Dobro došli, {0}! Prijavljeni ste: pitajte me bilo što o svom gospodarstvu.", "U redu, niste prijavljeni. I dalje me možete pitati.",
            "Više nećete primati naše poruke. Za ponovno primanje napišite START.", "Dobro došli natrag: ponovno ćete primati naše poruke."),
        new("sr", "Могу да водим и евиденцију вашег газдинства и да одговарам из ње. За пријаву ми напишите своје име (лозинку никада не тражимо).",
            "Како се зовете?", "Хвала, {0}.", "Како се зове ваше газдинство?",
            "Сагласност (услови {2}): чувамо ваше име ({0}), газдинство ({1}), број и евиденцију газдинства да бисмо вам одговарали; виде их само ви, ваши агрономи и наши администратори, а у сваком тренутку можете да их извезете или обришете. Да ли се слажете? Одговорите са да или не.",
            "Добро дошли, {0}! Пријављени сте: питајте ме било шта о свом газдинству.", "У реду, нисте пријављени. И даље можете да ме питате.",
            "Више нећете примати наше поруке. За поновно примање напишите START.", "Добро дошли назад: поново ћете примати наше поруке."),
        new("bg", "Мога да водя и записите на стопанството ви и да отговарям по тях. За регистрация ми напишете името си (никога не искаме парола).",
            "Как се казвате?", "Благодаря, {0}.", "Как се казва стопанството ви?",
            "Съгласие (условия {2}): пазим името ви ({0}), стопанството ({1}), номера и записите на стопанството, за да ви отговаряме; виждат ги само вие, вашите агрономи и нашите администратори и можете по всяко време да ги изтеглите или изтриете. Съгласни ли сте? Отговорете с да или не.",
            "Добре дошли, {0}! Регистрирани сте: питайте ме каквото искате за стопанството си.", "Добре, не сте регистрирани. Все пак можете да ми задавате въпроси.",
            "Няма да получавате повече съобщения от нас. Напишете START, за да ги получавате отново.", "Добре дошли отново: пак ще получавате нашите съобщения."),
        new("hu", "A gazdasága nyilvántartását is vezethetem, és abból válaszolok. A regisztrációhoz írja meg a nevét (jelszót soha nem kérünk).",
            "Mi a neve?", "Köszönöm, {0}.", "Mi a gazdasága neve?",
            "Hozzájárulás ({2} feltételek): megőrizzük a nevét ({0}), a gazdaságát ({1}), a számát és a gazdaság nyilvántartását, hogy válaszolhassunk; csak Ön, az agronómusai és az adminisztrátoraink látják, és bármikor exportálhatja vagy törölheti. Egyetért? Válaszoljon igennel vagy nemmel.",
            "Üdvözöljük, {0}! Regisztrált: kérdezzen bármit a gazdaságáról.", "Rendben, nem regisztráltam. Továbbra is kérdezhet.",
            "Többé nem kap tőlünk üzenetet. Írja be: START, ha újra kérni szeretné.", "Üdvözöljük újra: ismét megkapja üzeneteinket."),
        new("de", "Ich kann auch die Aufzeichnungen Ihres Betriebs führen und daraus antworten. Zur Anmeldung schreiben Sie mir Ihren Namen (nach einem Passwort fragen wir nie).",
            "Wie heißen Sie?", "Danke, {0}.", "Wie heißt Ihr Betrieb?",
            "Einwilligung (Bedingungen {2}): Wir speichern Ihren Namen ({0}), Ihren Betrieb ({1}), Ihre Nummer und die Aufzeichnungen Ihres Betriebs, um Ihnen zu antworten; nur Sie, Ihre Agronomen und unsere Administratoren sehen sie, und Sie können sie jederzeit exportieren oder löschen. Sind Sie einverstanden? Antworten Sie mit ja oder nein.",
            "Willkommen, {0}! Sie sind angemeldet: fragen Sie mich alles über Ihren Betrieb.", "In Ordnung, ich habe Sie nicht angemeldet. Sie können mich trotzdem fragen.",
            "Sie erhalten keine Nachrichten mehr von uns. Schreiben Sie START, um sie wieder zu erhalten.", "Willkommen zurück: Sie erhalten unsere Nachrichten wieder."),
        new("it", "Posso anche tenere i registri della sua azienda e rispondere in base a quelli. Per registrarsi mi scriva il suo nome (non chiediamo mai una password).",
            "Come si chiama?", "Grazie, {0}.", "Come si chiama la sua azienda agricola?",
            "Consenso (condizioni {2}): conserviamo il suo nome ({0}), l'azienda ({1}), il numero e i registri dell'azienda per risponderle; li vedono solo lei, i suoi agronomi e i nostri amministratori, e può esportarli o cancellarli in qualsiasi momento. È d'accordo? Risponda sì o no.",
            "Benvenuto, {0}! È registrato: mi chieda qualsiasi cosa sulla sua azienda.", "Va bene, non l'ho registrata. Può comunque farmi domande.",
            "Non riceverà più messaggi da noi. Scriva START per riceverli di nuovo.", "Bentornato: riceverà di nuovo i nostri messaggi."),
    }.ToFrozenDictionary(p => p.Language, StringComparer.Ordinal);

    public static OnboardingPhrases For(string? language) => language is not null && All.TryGetValue(language, out var p) ? p : All["en"];
}
