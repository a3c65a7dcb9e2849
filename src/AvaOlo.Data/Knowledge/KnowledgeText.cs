using System.Globalization;
using System.Text;

namespace AvaOlo.Data.Knowledge;

/// <summary>
/// How a question is normalised for knowledge matching, shared by the dashboards (which store entries) and the core
/// (which looks them up): lower case, no diacritics, words of three or more letters or digits, each cut to its first
/// five characters — a crude stem that makes "pšenici" and "pšenice", "kolika" and "koliko" the same in any script.
/// </summary>
public static class KnowledgeText
{
    public const int StemLength = 5;
    public const int MinWordLength = 3;

    public static string[] Stems(string text)
    {
        var folded = Fold(text);
        var stems = new SortedSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var ch in folded.Append(' '))
        {
            if (char.IsLetterOrDigit(ch)) { word.Append(ch); continue; }
            if (word.Length >= MinWordLength) stems.Add(word.ToString(0, Math.Min(StemLength, word.Length)));
            word.Clear();
        }
        return [.. stems];
    }

    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(ch);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
