using AvaOlo.AgriculturalCore.Assistant.Matching;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased.Understanding;

/// <summary>
/// What the classifier sees of a question: its words, word pairs and the character 3- to 5-grams of each word (with
/// word-boundary marks), in Latin letters without diacritics. The n-grams are what make an inflection the model never
/// saw ("parcelah", "tábláim") look like the forms it did. Features are 64-bit hashes: no strings are allocated per
/// n-gram, and a feature the training never saw simply weighs nothing.
/// </summary>
public static class Features
{
    /// <param name="words">The question's words, already <see cref="TextMatch.LatinWords"/>.</param>
    public static List<ulong> Of(string[] words)
    {
        var features = new List<ulong>(words.Length * 12);
        string? previous = null;
        foreach (var word in words)
        {
            features.Add(Hash('w', word, ReadOnlySpan<char>.Empty));
            if (previous is not null) features.Add(Hash('b', previous, word));
            previous = word;
            var padded = $"^{word}$";
            for (var n = 3; n <= 5; n++)
                for (var i = 0; i + n <= padded.Length; i++)
                    features.Add(Hash('g', padded.AsSpan(i, n), ReadOnlySpan<char>.Empty));
        }
        return features;
    }

    private static ulong Hash(char kind, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // FNV-1a: stable across processes and runs (string.GetHashCode is randomised per process).
        var h = 14695981039346656037UL;
        h = (h ^ kind) * 1099511628211UL;
        foreach (var ch in a) h = (h ^ ch) * 1099511628211UL;
        h = (h ^ '|') * 1099511628211UL;
        foreach (var ch in b) h = (h ^ ch) * 1099511628211UL;
        return h;
    }
}
