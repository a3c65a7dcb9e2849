using AvaOlo.AgriculturalCore.Assistant.Matching;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased.Understanding;

/// <summary>
/// Finds the farmer's own names (fields, products) in a question, inflected and in either script: "na Moti" names
/// "Mota", "Prosara" names "Prosaro 250 EC", "на Њиви за хишо" names "Njiva za hišo". A name matches when its longest
/// word does, or at least half of its words of three letters or more do; a word matches when the two share a stem
/// (the name but its last two letters, at least three letters, at the start of the word).
/// </summary>
public static class Mentions
{
    /// <summary>The names the words mention, best first (more matching words, then the longer name).</summary>
    public static List<T> Find<T>(string[] words, IEnumerable<T> items, Func<T, string> name)
    {
        var found = new List<(T Item, int Score, int Length)>();
        foreach (var item in items)
        {
            var nameWords = TextMatch.LatinWords(name(item));
            if (nameWords.Length == 0) continue;
            var longest = nameWords.MaxBy(w => w.Length)!;
            var counted = nameWords.Where(w => w.Length >= 3).ToArray();
            var matched = counted.Count(n => words.Any(q => SameStem(q, n)));
            var longestMatches = words.Any(q => SameStem(q, longest));
            // Half the words will do ("на Нива за хишо" for "Njiva za hišo"), but not a short one alone ("kod" for "Kod kuće").
            var longMatched = counted.Any(n => n.Length >= 4 && words.Any(q => SameStem(q, n)));
            if (longestMatches && longest.Length >= 3 || counted.Length > 1 && matched * 2 >= counted.Length && longMatched)
                found.Add((item, matched, nameWords.Length));
        }
        return found.OrderByDescending(f => f.Score).ThenByDescending(f => f.Length).Select(f => f.Item).ToList();
    }

    /// <summary>Do two words (already <see cref="TextMatch.Latin"/>) share a stem? "moti"/"mota", "prosarom"/"prosaro".</summary>
    public static bool SameStem(string word, string name)
    {
        if (word == name) return true;
        if (word.Length < 3 || name.Length < 3 || word.Length > name.Length + 5) return false;
        var common = 0;
        while (common < word.Length && common < name.Length && word[common] == name[common]) common++;
        return common >= Math.Max(3, name.Length - 2);
    }
}
