using System.Globalization;
using System.Text;

namespace AvaOlo.AgriculturalCore.WhatsApp.Onboarding;

public enum OptWord { None, Out, In }

/// <summary>
/// Is a message a request to stop our messages ("STOP", "odjava", "abmelden", "стоп") or to start them again ("START")?
/// Only the whole message counts (case, accents, punctuation and surrounding spaces aside): "stop spraying?" is a
/// question, not an opt-out. Words in the languages we answer in plus the English ones WhatsApp users know everywhere;
/// a language missing here still has "STOP".
/// </summary>
public static class OptOutWords
{
    private static readonly HashSet<string> Out = Folded(
        "stop", "stop all", "stopall", "unsubscribe", "opt out", "optout", "cancel messages",
        "odjava", "odjavi", "odjavi me", "odjavite me", "odjavljujem se", "ne želim več sporočil", "ne želim više poruka", // sl, hr
        "abmelden", "abbestellen", "stopp", "austragen",                                                           // de
        "leiratkozás", "leiratkozom", "leiratkozni",                                                              // hu
        "стоп", "отписване", "отпиши ме", "одјава", "одјави ме", "odjavi me",                                       // bg, sr
        "annulla iscrizione", "disiscrivi", "disiscrivimi", "cancellami");                               // it

    private static readonly HashSet<string> In = Folded(
        "start", "subscribe", "opt in", "optin", "unstop",
        "prijava", "prijavi", "prijavi me", "anmelden", "feliratkozás", "feliratkozom", "старт", "абониране", "пријава", "iscrivimi", "iscrizione");

    public static OptWord Classify(string? message)
    {
        var key = Key(message);
        if (key.Length == 0) return OptWord.None;
        return Out.Contains(key) ? OptWord.Out : In.Contains(key) ? OptWord.In : OptWord.None;
    }

    /// <summary>Lower-case words without accents or punctuation, single-spaced; Cyrillic letters are kept.</summary>
    private static string Key(string? message)
    {
        if (string.IsNullOrWhiteSpace(message) || message.Length > 60) return "";
        var sb = new StringBuilder();
        foreach (var ch in message.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch)) sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        }
        return sb.ToString().Trim().Normalize(NormalizationForm.FormC);
    }

    private static HashSet<string> Folded(params string[] words) => words.Select(Key).ToHashSet(StringComparer.Ordinal);
}
