using System.Globalization;
using System.Text;

namespace AvaOlo.AgriculturalCore.Assistant.Matching;

/// <summary>Forgiving text comparison for any script: lower case, no diacritics, words.</summary>
public static class TextMatch
{
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(ch);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The words of <paramref name="text"/> as <see cref="Words"/> folds them, each with where it stands in the text
    /// (combining marks belong to their letter), so that a match can be replaced in the original.
    /// </summary>
    public static List<(int Start, int Length, string Folded)> WordSpans(string text)
    {
        var spans = new List<(int, int, string)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                var folded = Fold(text[start..i]);
                if (folded.Length > 0) spans.Add((start, i - start, folded));
                start = -1;
            }
        }
        return spans;
    }

    /// <summary>
    /// <see cref="Fold"/> and then Cyrillic spelled in Latin letters (Serbian's own mapping, Bulgarian's close to it), so
    /// "Просаро" is "prosaro", "Моти" is "moti" and a Serbian question reads the same in either script.
    /// </summary>
    public static string Latin(string text)
    {
        var folded = Fold(text);
        var sb = new StringBuilder(folded.Length + 8);
        foreach (var ch in folded)
            if (ch is >= '\u0400' and <= '\u04FF' && Cyrillic.TryGetValue(ch, out var latin)) sb.Append(latin);
            else if (ch == 'đ') sb.Append("dj");
            else if (ch == 'ß') sb.Append("ss");
            else sb.Append(ch);
        return sb.ToString();
    }

    /// <summary>The words of <see cref="Latin"/>.</summary>
    public static string[] LatinWords(string text) =>
        Latin(text).SplitWhere(static ch => !char.IsLetterOrDigit(ch)).Where(w => w.Length > 0).ToArray();

    // Folding has already removed the breve of й and the diaeresis of ё, so they are и and е here.
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['ђ'] = "dj", ['е'] = "e", ['ж'] = "z", ['з'] = "z",
        ['и'] = "i", ['ј'] = "j", ['к'] = "k", ['л'] = "l", ['љ'] = "lj", ['м'] = "m", ['н'] = "n", ['њ'] = "nj", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['ћ'] = "c", ['у'] = "u", ['ф'] = "f", ['х'] = "h", ['ц'] = "c",
        ['ч'] = "c", ['џ'] = "dz", ['ш'] = "s", ['щ'] = "st", ['ъ'] = "a", ['ь'] = "", ['ю'] = "ju", ['я'] = "ja", ['ы'] = "y",
        ['э'] = "e", ['ѓ'] = "g", ['ќ'] = "k", ['ѕ'] = "dz", ['є'] = "e", ['і'] = "i", ['ї'] = "i",
    };

    public static string[] Words(string text) =>
        Fold(text).SplitWhere(static ch => !char.IsLetterOrDigit(ch)).Where(w => w.Length > 0).ToArray();

    /// <summary>
    /// Whether the question mentions a free-text name from the farmer's records (a crop or field in any
    /// language): every word of the name, or a stem of its first long word, appears.
    /// </summary>
    public static bool Mentions(string[] questionWords, string name)
    {
        var nameWords = Words(name);
        if (nameWords.Length == 0) return false;
        if (nameWords.All(n => questionWords.Contains(n))) return true;
        var first = nameWords.OrderByDescending(w => w.Length).First();
        return first.Length >= 4 && questionWords.Any(q => q.Length >= 4 && (q.StartsWith(first[..Math.Min(first.Length, Math.Max(4, first.Length - 2))], StringComparison.Ordinal)));
    }

    private static string[] SplitWhere(this string text, Func<char, bool> separator)
    {
        var parts = new List<string>();
        var sb = new StringBuilder();
        foreach (var ch in text)
        {
            if (separator(ch)) { if (sb.Length > 0) { parts.Add(sb.ToString()); sb.Clear(); } }
            else sb.Append(ch);
        }
        if (sb.Length > 0) parts.Add(sb.ToString());
        return [.. parts];
    }
}

/// <summary>
/// Word stems folded once, when the set is made, not on every question. A stem of three letters or fewer must be
/// a whole word ("ha" is not "hat"); a stem with a space matches the words in a row; any other stem matches the
/// start of a word ("pšenic" matches "pšenici").
/// </summary>
public sealed class StemSet(IEnumerable<string> stems)
{
    private readonly string[] _stems = stems.Select(TextMatch.Fold).ToArray();

    /// <summary>The length of the longest stem that matches, 0 for none.</summary>
    public int LongestMatch(string[] words)
    {
        var longest = 0;
        string? joined = null;
        foreach (var stem in _stems)
        {
            if (stem.Length <= longest) continue;
            var hit = stem.Contains(' ', StringComparison.Ordinal)
                ? (joined ??= string.Join(' ', words)).Contains(stem, StringComparison.Ordinal)
                : stem.Length <= 3 ? words.Contains(stem) : words.Any(w => w.StartsWith(stem, StringComparison.Ordinal));
            if (hit) longest = stem.Length;
        }
        return longest;
    }

    public bool MatchesAny(string[] words)
    {
        string? joined = null;
        foreach (var stem in _stems)
        {
            if (stem.Contains(' ', StringComparison.Ordinal))
            {
                joined ??= string.Join(' ', words);
                if (joined.Contains(stem, StringComparison.Ordinal)) return true;
            }
            else if (stem.Length <= 3 ? words.Contains(stem) : words.Any(w => w.StartsWith(stem, StringComparison.Ordinal))) return true;
        }
        return false;
    }
}
