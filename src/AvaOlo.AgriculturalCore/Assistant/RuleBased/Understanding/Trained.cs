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

    public static List<(string Label, string Text)> Examples()
    {
        using var stream = typeof(Trained).Assembly.GetManifestResourceStream("AvaOlo.AgriculturalCore.Assistant.RuleBased.Understanding.training.txt")
            ?? throw new InvalidOperationException("training.txt is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        var examples = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 1) throw new InvalidOperationException($"training.txt: no label in \"{line}\"");
            // {field} and {product} become the tokens the understander puts where a question names one (Mentions).
            examples.Add((line[..tab], line[(tab + 1)..].Replace("{field}", Mentions.FieldToken, StringComparison.Ordinal)
                .Replace("{product}", Mentions.ProductToken, StringComparison.Ordinal)));
        }
        return examples;
    }
}
