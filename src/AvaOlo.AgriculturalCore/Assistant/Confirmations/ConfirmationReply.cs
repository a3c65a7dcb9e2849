using System.Globalization;
using System.Text;

namespace AvaOlo.AgriculturalCore.Assistant.Confirmations;

public enum ConfirmationAnswer { Confirm, Decline, Other }

/// <summary>
/// Does a farmer's message confirm or decline what the assistant proposed ("Da, izbriši", "nein", "👍")? Only a short
/// message that starts with a yes or a no word counts: anything else ("da li je karenca…", a new question) is Other,
/// so the proposal stays open and nothing is changed on a guess. Words in the languages we answer in, plus common
/// ones anywhere; a language missing here simply means the farmer taps the button or the model asks again.
/// </summary>
public static class ConfirmationReply
{
    /// <summary>A confirmation is a reply, not a paragraph.</summary>
    public const int MaxWords = 6;

    private static readonly HashSet<string> Yes = Folded(
        "yes", "y", "yeah", "yep", "ok", "okay", "sure", "confirm", "confirmed", "correct", "right", "do it", "go ahead",
        "da", "ja", "jo", "igen", "si", "sì", "oui", "tak", "ano", "áno", "evet", "sim", "jawohl", "genau", "richtig", "bestätige", "bestätigt",
        "potrjujem", "potrdi", "potrdim", "drži", "velja", "v redu", "potvrđujem", "potvrdi", "potvrdim", "tako je", "može", "moze", "važi",
        "да", "так", "потвърждавам", "потвърди", "добре", "потврђујем", "потврди", "може", "важи",
        "persze", "rendben", "jó", "mehet", "certo", "conferma", "confermo", "va bene", "esatto", "👍", "✅", "✔", "✔️", "👌");

    private static readonly HashSet<string> No = Folded(
        "no", "n", "nope", "cancel", "stop", "don't", "dont", "do not", "not", "wrong",
        "ne", "nein", "nicht", "abbrechen", "nem", "mégse", "megse", "non", "annulla", "nie", "ni", "nikako", "nemoj", "prekliči", "preklici",
        "odustani", "otkaži", "otkazi", "не", "нет", "откажи", "отказ", "немој", "❌", "👎", "✖");

    // "da li …" is how a Croatian or Serbian question starts, not a yes.
    private static readonly HashSet<string> QuestionAfterYes = Folded("li", "ли");

    public static ConfirmationAnswer Classify(string? message)
    {
        var words = Words(message);
        if (words.Count is 0 or > MaxWords) return ConfirmationAnswer.Other;
        var first = words[0];
        var firstTwo = words.Count > 1 ? $"{words[0]} {words[1]}" : first;
        if (No.Contains(firstTwo) || No.Contains(first)) return ConfirmationAnswer.Decline;
        if (!(Yes.Contains(firstTwo) || Yes.Contains(first))) return ConfirmationAnswer.Other;
        if (words.Count > 1 && QuestionAfterYes.Contains(words[1])) return ConfirmationAnswer.Other;
        // "yes … no" or "ok, but not the north field" are not a clear yes.
        return words.Skip(1).Any(No.Contains) ? ConfirmationAnswer.Other : ConfirmationAnswer.Confirm;
    }

    /// <summary>Lower-case folded words; emoji and check marks count as words of their own.</summary>
    private static List<string> Words(string? message)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(message)) return words;
        var sb = new StringBuilder();
        foreach (var rune in message.Trim().ToLowerInvariant().EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var isWordChar = Rune.IsLetterOrDigit(rune) || rune.Value == '\'' || category is UnicodeCategory.NonSpacingMark;
            var isSymbol = category is UnicodeCategory.OtherSymbol || rune.Value is 0x2714 or 0x2716 or 0x274C or 0x2705;
            if (isWordChar) { sb.Append(rune.ToString()); continue; }
            Flush(sb, words);
            if (isSymbol) words.Add(rune.ToString());
        }
        Flush(sb, words);
        return words;
    }

    // A variation selector after an emoji folds to nothing: not a word.
    private static void Flush(StringBuilder sb, List<string> words)
    {
        if (sb.Length == 0) return;
        if (Fold(sb.ToString()) is { Length: > 0 } word) words.Add(word);
        sb.Clear();
    }

    private static HashSet<string> Folded(params string[] words) =>
        words.Select(w => string.Join(' ', w.Split(' ').Select(Fold))).Concat(words).ToHashSet(StringComparer.Ordinal);

    // Accents fold away so "mégse" and "megse", "sì" and "si" read the same; Cyrillic letters are kept.
    private static string Fold(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(ch);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
