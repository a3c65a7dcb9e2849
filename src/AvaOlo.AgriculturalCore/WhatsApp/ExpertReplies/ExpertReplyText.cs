namespace AvaOlo.AgriculturalCore.WhatsApp.ExpertReplies;

/// <summary>
/// What the farmer reads when an agronomist answers on the workbench: the expert's text under a short heading in the
/// exchange's language, so it is not mistaken for the assistant. The first text of a "Reply as expert" is an answer;
/// an "Edit and approve", and any later save of either, corrects something the farmer already has, and says so.
/// </summary>
public static class ExpertReplyText
{
    private static readonly Dictionary<string, (string Answer, string Correction)> Headings = new(StringComparer.Ordinal)
    {
        ["en"] = ("Answer from an agronomist:", "Correction from an agronomist:"),
        ["sl"] = ("Odgovor agronoma:", "Popravek agronoma:"),
        ["hr"] = ("Odgovor agronoma:", "Ispravak agronoma:"),
        ["sr"] = ("Одговор агронома:", "Исправка агронома:"),
        ["bg"] = ("Отговор от агроном:", "Поправка от агроном:"),
        ["hu"] = ("Agronómus válasza:", "Agronómus helyesbítése:"),
        ["de"] = ("Antwort eines Agronomen:", "Korrektur eines Agronomen:"),
        ["it"] = ("Risposta di un agronomo:", "Correzione di un agronomo:"),
    };

    /// <param name="correction">True for an edited answer, or when an earlier expert text of this exchange already went out.</param>
    public static string Compose(string expertText, string? language, bool correction)
    {
        var (answer, corrected) = Headings.GetValueOrDefault(language ?? "en", Headings["en"]);
        return $"{(correction ? corrected : answer)}\n{expertText.Trim()}";
    }
}
