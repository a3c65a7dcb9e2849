using System.Reflection;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased.Understanding;

/// <summary>
/// The intent model, trained once per process from training.txt (embedded in the assembly, so nothing is read or
/// downloaded at run time). Training runs on first use, in well under a second (bench/results/assistant.md).
/// </summary>
public static class Trained
{
    private static readonly Lazy<IntentModel> Lazy = new(() => IntentModel.Train(Examples()), LazyThreadSafetyMode.ExecutionAndPublication);

    public static IntentModel Model => Lazy.Value;

    // Placeholders become names like the farmers' own, in several languages: the model learns the frame around a name
    // ("what grows on …"), not a name. Picked in turn, so the same file always trains the same model.
    private static readonly string[] FieldNames = ["Velika njiva", "Za vodom", "Hosszú dűlő", "Am Weg", "Campo grande", "Long Acre",
        "Dolga njiva", "Горна нива", "Pod brdom", "Kertalja", "Oberfeld", "Vigna vecchia", "Лозето", "Bara"];
    private static readonly string[] ProductNames = ["Prosaro", "Ridomil Gold", "Folicur", "Amistar", "KAN", "Urea", "Karate Zeon", "Luna"];

    public static List<(string Label, string Text)> Examples()
    {
        using var stream = typeof(Trained).Assembly.GetManifestResourceStream("AvaOlo.AgriculturalCore.Assistant.RuleBased.Understanding.training.txt")
            ?? throw new InvalidOperationException("training.txt is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        var examples = new List<(string, string)>();
        var n = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 1) throw new InvalidOperationException($"training.txt: no label in \"{line}\"");
            var text = line[(tab + 1)..];
            // Each line with a field name is learned with three different names.
            var copies = text.Contains("{field}", StringComparison.Ordinal) || text.Contains("{product}", StringComparison.Ordinal) ? 3 : 1;
            for (var i = 0; i < copies; i++, n++)
                examples.Add((line[..tab], text.Replace("{field}", FieldNames[n % FieldNames.Length], StringComparison.Ordinal)
                    .Replace("{product}", ProductNames[n % ProductNames.Length], StringComparison.Ordinal)));
        }
        return examples;
    }
}
