using AvaOlo.AgriculturalCore.Assistant.Matching;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased.Understanding;

/// <summary>
/// What the classifier sees of a question: its words, word pairs, the character 3- to 5-grams of each word (with
/// word-boundary marks), in Latin letters without diacritics, and the <see cref="Concepts"/> it names, alone and in
/// pairs. The n-grams are what make an inflection the model never saw ("parcelah", "tábláim") look like the forms it
/// did; the concepts carry what one language's phrasings teach over to another's. Features are 64-bit hashes: no strings are allocated per
/// n-gram, and a feature the training never saw simply weighs nothing.
/// </summary>
public static class Features
{
    /// <param name="words">The question's words, already <see cref="TextMatch.LatinWords"/>.</param>
    public static HashSet<ulong> Of(string[] words)
    {
        // A set: a feature counts once however often it occurs, in training and in prediction alike.
        var features = new HashSet<ulong>(words.Length * 16);
        string? previous = null;
        Span<char> buffer = stackalloc char[64];
        foreach (var word in words)
        {
            features.Add(Hash('w', word, ReadOnlySpan<char>.Empty));
            if (previous is not null) features.Add(Hash('b', previous, word));
            previous = word;
            var padded = word.Length <= 62 ? buffer[..(word.Length + 2)] : new char[word.Length + 2];
            padded[0] = '^';
            word.AsSpan().CopyTo(padded[1..]);
            padded[^1] = '$';
            for (var n = 3; n <= 5; n++)
                for (var i = 0; i + n <= padded.Length; i++)
                    features.Add(Hash('g', padded.Slice(i, n), ReadOnlySpan<char>.Empty));
        }
        // Each concept, and each pair of them ("how much" with "use", "allowed" with "product"): what a question asks
        // is mostly in which ideas come together, whatever the words.
        var concepts = Concepts.Of(words);
        for (var i = 0; i < concepts.Count; i++)
        {
            features.Add(Hash('c', concepts[i], ReadOnlySpan<char>.Empty));
            for (var j = i + 1; j < concepts.Count; j++) features.Add(Hash('p', concepts[i], concepts[j]));
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
