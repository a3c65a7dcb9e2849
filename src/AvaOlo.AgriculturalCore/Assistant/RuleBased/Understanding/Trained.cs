using System.Reflection;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased.Understanding;

/// <summary>
/// The intent model, trained once per process from training.txt (embedded in the assembly, so nothing is read or
/// downloaded at run time). Training runs once, on first use or when <see cref="IntentModelWarmUp"/> starts it.
/// </summary>
public static class Trained
{
    private static readonly Lazy<IntentModel> Lazy = new(() => IntentModel.Train(Examples()), LazyThreadSafetyMode.ExecutionAndPublication);

    public static IntentModel Model => Lazy.Value;

    public static List<(string Label, string Text)> Examples() =>
        Lines().Where(l => l.Length > 0 && l[0] != '#').Select(Example).ToList();

    /// <summary>training.txt as it is embedded, line by line (comments too: they name each group's language).</summary>
    public static IEnumerable<string> Lines()
    {
        using var stream = typeof(Trained).Assembly.GetManifestResourceStream("AvaOlo.AgriculturalCore.Assistant.RuleBased.Understanding.training.txt")
            ?? throw new InvalidOperationException("training.txt is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line) yield return line;
    }

    /// <summary>One "label&lt;TAB&gt;text" line as the classifier trains on it.</summary>
    public static (string Label, string Text) Example(string line)
    {
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        if (tab < 1) throw new InvalidOperationException($"training.txt: no label in \"{line}\"");
        // {field} and {product} become the tokens the understander puts where a question names one (Mentions).
        return (line[..tab], line[(tab + 1)..].Replace("{field}", Mentions.FieldToken, StringComparison.Ordinal)
            .Replace("{product}", Mentions.ProductToken, StringComparison.Ordinal));
    }
}
