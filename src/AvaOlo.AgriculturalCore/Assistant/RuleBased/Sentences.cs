using System.Text.RegularExpressions;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased;

/// <summary>Small repairs where a phrasebook sentence meets a farmer's name or a date in the reply's own format.</summary>
public static partial class Sentences
{
    private const string Placeholder = "{field}";

    /// <summary>
    /// The template with {field} replaced by the field's name, without the template's word for a field after it when
    /// the name already ends in that word: Hungarian "{field} tábla" of "Nagy tábla" is "Nagy tábla", not "Nagy tábla tábla".
    /// </summary>
    public static string Field(this string template, string name)
    {
        var at = template.IndexOf(Placeholder, StringComparison.Ordinal);
        if (at < 0) return template;
        var after = at + Placeholder.Length;
        var rest = template[after..];
        // The word right after the placeholder, up to the next space or punctuation.
        var word = rest.StartsWith(' ') ? new string(rest[1..].TakeWhile(char.IsLetter).ToArray()) : "";
        if (word.Length > 0 && name.EndsWith(" " + word, StringComparison.OrdinalIgnoreCase)) rest = rest[(1 + word.Length)..];
        return template[..at] + name + rest.Field(name);
    }

    /// <summary>
    /// One full stop where a date that ends in its own (Croatian "19. 10. 2026.", Bulgarian "19.02.2027 г.") ends a
    /// sentence too: "2026.." is "2026.".
    /// </summary>
    public static string Tidy(string text) => DoubleStop().Replace(text, ".");

    [GeneratedRegex(@"(?<!\.)\.\.(?=\s|$)")]
    private static partial Regex DoubleStop();
}
