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
    public const string FieldToken = "xfieldx";
    public const string ProductToken = "xproductx";

    // Words that name a kind of field in many farmers' field names ("Velika njiva", "Nagy tábla"): alone they do not
    // name one field ("koliko njiva imam", "tábláim"), only with the rest of the name.
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "njiva", "niva", "njiv", "polje", "parcela", "tabla", "feld", "acker", "campo", "field", "plot", "vrt", "kert", "ograda", "dulo",
    };

    /// <summary>The names the words mention, best first (whole names, then more matching words, then the longer name).</summary>
    /// <param name="nameWords">An item's name as <see cref="TextMatch.LatinWords"/>, made once per name, not per question.</param>
    public static List<T> Find<T>(string[] words, IEnumerable<T> items, Func<T, string[]> nameWords)
    {
        var found = new List<(T Item, int Score, int Length)>();
        foreach (var item in items)
        {
            var name = nameWords(item);
            if (name.Length == 0) continue;
            var counted = name.Where(w => w.Length >= 3).ToArray();
            var matched = counted.Count(n => words.Any(q => SameStem(q, n)));
            var distinctive = name.Where(w => !Generic.Contains(w)).MaxBy(w => w.Length);
            var distinctiveMatches = distinctive is { Length: >= 3 } && words.Any(q => SameStem(q, distinctive));
            // Half the words will do ("на Нива за хишо" for "Njiva za hišo"), but not a short one ("kod" for "Kod kuće")
            // or a generic one ("njiva") alone.
            var longMatched = counted.Any(n => n.Length >= 4 && !Generic.Contains(n) && words.Any(q => SameStem(q, n)));
            if (matched == counted.Length && matched > 0 || distinctiveMatches || counted.Length > 1 && matched * 2 >= counted.Length && longMatched)
                found.Add((item, matched == counted.Length ? 1000 + matched : matched, name.Length));
        }
        // A whole name named ("Rét") beats a part of another ("nagy", Hungarian for big, of "Nagy tábla").
        return found.OrderByDescending(f => f.Score).ThenByDescending(f => f.Length).Select(f => f.Item).ToList();
    }

    /// <summary>The names any of whose words of four letters or more the question has, generic ones included.</summary>
    public static List<T> FindLoosely<T>(string[] words, IEnumerable<T> items, Func<T, string[]> nameWords) =>
        items.Where(i => nameWords(i).Any(n => n.Length >= 4 && words.Any(q => SameStem(q, n)))).ToList();

    /// <summary>The words with those of <paramref name="name"/> (inflected) replaced by one <paramref name="token"/>.</summary>
    public static string[] Mask(string[] words, string[] name, string token)
    {
        var nameWords = name.Where(w => w.Length >= 3).ToArray();
        var result = new List<string>(words.Length);
        foreach (var word in words)
            if (!nameWords.Any(n => SameStem(word, n))) result.Add(word);
            else if (result.Count == 0 || result[^1] != token) result.Add(token);
        return [.. result];
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
