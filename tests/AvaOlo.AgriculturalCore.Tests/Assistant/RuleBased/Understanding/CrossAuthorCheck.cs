using System.Text.RegularExpressions;
using AvaOlo.AgriculturalCore.Assistant.Matching;
using AvaOlo.AgriculturalCore.Assistant.RuleBased;
using AvaOlo.AgriculturalCore.Assistant.RuleBased.Understanding;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.RuleBased.Understanding;

/// <summary>
/// How the classifier does on phrasings by someone else. The evaluation set and the first training lines share an
/// author, so their figures flatter it; training.txt's last part was written by six other authors who saw neither. Two
/// folds: train on the first part and half of theirs, classify the other half (and once on the first part alone). As the
/// answerer reads a question: a pre-harvest interval named outright is that, or for a farmer the harvest safety when no
/// product is named; the field count and the total area are one answer.
/// </summary>
public static partial class CrossAuthorCheck
{
    public const string Marker = "# === Phrasings written on 2026-12-06 by six further authors";
    private static readonly string[] Languages = ["sl", "hr", "sr", "bg", "hu", "de", "it", "en"];

    public sealed record Example(string Label, string Text, string Language);

    public sealed record Result(int RightFirstPartOnly, List<(Example Example, bool Right)> Classified)
    {
        public int Right => Classified.Count(c => c.Right);
        public double Share => (double)Right / Classified.Count;
    }

    public static Result Run()
    {
        var lines = Trained.Lines().ToArray();
        var split = Array.FindIndex(lines, l => l.StartsWith(Marker, StringComparison.Ordinal));
        var first = Parse(lines[..split]).Select(e => (e.Label, e.Text)).ToList();
        var others = Parse(lines[split..]);
        var firstOnly = IntentModel.Train(first);
        var classified = new List<(Example, bool)>();
        var rightFirst = 0;
        for (var fold = 0; fold < 2; fold++)
        {
            var model = IntentModel.Train([.. first, .. others.Where((_, i) => i % 2 != fold).Select(e => (e.Label, e.Text))]);
            foreach (var example in others.Where((_, i) => i % 2 == fold))
            {
                classified.Add((example, Same(Ask(model, example.Text), example.Label)));
                rightFirst += Same(Ask(firstOnly, example.Text), example.Label) ? 1 : 0;
            }
        }
        return new(rightFirst, classified);
    }

    private static string Ask(IntentModel model, string text) => Intents.AsksForPreHarvestInterval(text)
        ? text.Contains(Mentions.ProductToken, StringComparison.Ordinal) ? "phi" : "harvest"
        : model.Predict(TextMatch.LatinWords(text))[0];

    private static bool Same(string asked, string label) =>
        asked == label || asked is "field_count" or "total_area" && label is "field_count" or "total_area";

    /// <summary>Examples with the language of the "# --- label (lang)" line above them.</summary>
    private static List<Example> Parse(IEnumerable<string> lines)
    {
        var examples = new List<Example>();
        var language = "";
        foreach (var line in lines)
        {
            if (GroupLine().Match(line) is { Success: true } m) language = m.Groups[1].Value;
            if (line.Length == 0 || line[0] == '#') continue;
            var (label, text) = Trained.Example(line);
            examples.Add(new(label, text, language));
        }
        return examples;
    }

    [GeneratedRegex(@"^# --- \S+ \(([a-z]{2})\)$")]
    private static partial Regex GroupLine();

    public static string Markdown(Result r)
    {
        string Cell(IEnumerable<(Example Example, bool Right)> cs) => cs.Any() ? $"{cs.Count(c => c.Right)}/{cs.Count()}" : "–";
        var rows = r.Classified.GroupBy(c => c.Example.Label).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            $"| {g.Key} | {string.Join(" | ", Languages.Select(l => Cell(g.Where(c => c.Example.Language == l))))} | {100.0 * g.Count(c => c.Right) / g.Count():F1} % |");
        var all = $"| **all** | {string.Join(" | ", Languages.Select(l => Cell(r.Classified.Where(c => c.Example.Language == l))))} | **{100 * r.Share:F1} %** |";
        return $"""
            ## Phrasings by other authors (cross-check of the classifier alone)

            {r.Classified.Count} phrasings in training.txt's last part, written by six authors who saw neither the evaluation set
            nor the code, classified by a model trained on the first author's lines and the other half of theirs (two folds):
            **{100 * r.Share:F1} %** of intents right; trained on the first author's lines alone, {100.0 * r.RightFirstPartOnly / r.Classified.Count:F1} %.
            The intent only (no field matching, no answer): nearer what a stranger's questions get than the tables above,
            whose questions share an author with the first training lines. A CI test holds it at 90 % or more.

            | intent | {string.Join(" | ", Languages)} | all |
            |---|{string.Concat(Enumerable.Repeat("---|", Languages.Length))}---|
            {string.Join("\n", rows)}
            {all}

            """;
    }
}
