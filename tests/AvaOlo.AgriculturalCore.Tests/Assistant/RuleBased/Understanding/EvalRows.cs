using System.Globalization;
using System.Text.RegularExpressions;
using AvaOlo.AgriculturalCore.Assistant.RuleBased;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.RuleBased.Understanding;

/// <summary>One evaluation question (bench/assistant/evalset.py): what it asks, in which variant, of which test farmer.</summary>
public sealed record EvalRow(string Kind, string Variant, string Farmer, string Field, string Question)
{
    public static List<EvalRow> Read(string file) => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Assistant", "RuleBased", "Understanding", file))
        .Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(p => new EvalRow(p[0], p[1], p[2], p[3], p[4])).ToList();
}

/// <summary>A test farmer's records as the database holds them, read by the test, not by the code under test.</summary>
public sealed record FarmerRecords(int Id, string Language, string Country, List<(string Name, decimal AreaHa)> Fields,
    List<(string Field, string Crop)> Plantings, List<DateOnly> PlannedDue, List<(string Crop, int Days)> ProsaroRules,
    List<(string Product, DateOnly On)> Sprayings, List<string> InputsUsed, List<DateOnly> HarvestDates);

/// <summary>
/// Is an answer right? Computed from the farmer's records: the figure asked for must be in the answer's first sentence
/// (a whole field list does not answer "which is the largest"), the crops of other fields must not be named, and a
/// pre-harvest interval must be the one for the crop asked about, with no other crop's interval beside it.
/// </summary>
public static partial class EvalCheck
{
    /// <summary>The test farmers' crops (as seeded, in their own words) as the catalogue's rules name them.</summary>
    public static readonly Dictionary<string, string> SeedCrops = new(StringComparer.Ordinal)
    {
        ["pšenica"] = "wheat", ["kukuruz za zrno"] = "maize", ["szemes kukorica"] = "maize",
    };

    // Crop names as the phrasebooks write them, to tell which crop an interval was given for.
    private static readonly Dictionary<string, string[]> CropWords = new(StringComparer.Ordinal)
    {
        ["wheat"] = ["wheat", "pšenica", "пшеница", "búza", "Weizen", "frumento"],
        ["barley"] = ["barley", "ječmen", "ječam", "ечемик", "јечам", "árpa", "Gerste", "orzo"],
        ["maize"] = ["maize", "koruza", "kukuruz", "царевица", "кукуруз", "kukorica", "Mais", "mais"],
        ["oilseed rape"] = ["oilseed rape", "oljna ogrščica", "uljana repica", "рапица", "уљана репица", "repce", "Raps", "colza"],
    };

    public static bool Correct(EvalRow row, string answer, FarmerRecords r, DateOnly today)
    {
        var culture = CultureInfo.GetCultureInfo(r.Language == "sr" ? "sr-Cyrl-RS" : r.Language);
        string Area(decimal ha) => ha.ToString("0.####", culture);
        var first = FirstSentence(answer);
        var book = RecordPhrasebooks.For(r.Language);
        switch (row.Kind)
        {
            case "field_count": return HasNumber(first, r.Fields.Count.ToString(culture));
            case "total_area": return first.Contains(Area(r.Fields.Sum(f => f.AreaHa)), StringComparison.Ordinal);
            case "field_area":
                var field = r.Fields.Single(f => f.Name == row.Field);
                return first.Contains(field.Name, StringComparison.Ordinal) && first.Contains(Area(field.AreaHa), StringComparison.Ordinal);
            case "largest_field":
                var largest = r.Fields.MaxBy(f => f.AreaHa);
                return first.Contains(largest.Name, StringComparison.Ordinal) && first.Contains(Area(largest.AreaHa), StringComparison.Ordinal);
            case "tasks": return r.PlannedDue.Count > 0 && r.PlannedDue.All(d => answer.Contains(d.ToString("d", culture), StringComparison.Ordinal));
            // The answer to what was sprayed (or used) starts with that answer's own sentence, names every product of the
            // last twelve months with its date (every input), or says there was none: a task list that happens to
            // mention a spraying does not answer it.
            case "sprayed":
                return r.Sprayings.Count == 0 ? Starts(answer, book.NoSprayings, book)
                    : Starts(answer, Lead(book.Sprayed), book) && r.Sprayings.All(x => answer.Contains(x.Product, StringComparison.Ordinal)
                        && answer.Contains(x.On.ToString("d", culture), StringComparison.Ordinal));
            case "input_usage":
                return r.InputsUsed.Count == 0 ? Starts(answer, book.NotUsed, book)
                    : Starts(answer, Lead(book.Used), book) && r.InputsUsed.All(m => answer.Contains(m, StringComparison.Ordinal));
            // The products the rules hold for the farmer's crops in the farmer's country (Prosaro in Croatia), or the
            // sentence that the catalogue holds none (Slovenia): the catalogue's only crop rules are Prosaro's.
            case "products":
                return r.Plantings.Any(p => r.ProsaroRules.Any(x => x.Crop == SeedCrops.GetValueOrDefault(p.Crop)))
                    ? first.Contains("Prosaro 250 EC", StringComparison.Ordinal) && first.Contains(r.Country, StringComparison.Ordinal)
                    : Starts(answer, Lead(book.NoneRegistered), book);
            // Every field's expected harvest and, after a spraying, the first safe day.
            case "harvest": return r.HarvestDates.Count > 0 && r.HarvestDates.All(d => answer.Contains(d.ToString("d", culture), StringComparison.Ordinal));
            case "crop_on_field":
                var crops = r.Plantings.Where(p => p.Field == row.Field).Select(p => p.Crop).ToList();
                var others = r.Plantings.Where(p => p.Field != row.Field && !crops.Contains(p.Crop)).Select(p => p.Crop);
                return crops.Count > 0 && crops.All(c => answer.Contains(c, StringComparison.Ordinal)) && answer.Contains(row.Field, StringComparison.Ordinal)
                    && !others.Any(c => answer.Contains(c, StringComparison.Ordinal));
            default:
                var crop = row.Kind["phi_".Length..] switch { "rape" => "oilseed rape", var c => c };
                var rule = r.ProsaroRules.Where(x => x.Crop == crop).Select(x => (int?)x.Days).FirstOrDefault();
                if (rule is null)
                    return answer.Contains("Prosaro", StringComparison.Ordinal) && !r.ProsaroRules.Any(x => HasNumber(answer, x.Days.ToString(culture)));
                var otherCrops = CropWords.Where(kv => kv.Key != crop).SelectMany(kv => kv.Value);
                return HasNumber(answer, rule.Value.ToString(culture)) && CropWords[crop].Any(w => answer.Contains(w, StringComparison.Ordinal))
                    && !otherCrops.Any(w => Regex.IsMatch(answer, $@"\b{Regex.Escape(w)}\b"));
        }
    }

    private static bool Starts(string answer, string lead, RecordPhrasebook book) =>
        answer.StartsWith(lead, StringComparison.Ordinal) || answer.StartsWith(book.FromRecords + " " + lead, StringComparison.Ordinal);

    /// <summary>A sentence's words before its first placeholder (its list "{0}", or a crop).</summary>
    private static string Lead(string sentence) => sentence[..sentence.IndexOf('{', StringComparison.Ordinal)];

    private static string FirstSentence(string answer)
    {
        var end = answer.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? answer : answer[..(end + 1)];
    }

    private static bool HasNumber(string text, string number) => Regex.IsMatch(text, $@"(?<![\d.,]){Regex.Escape(number)}(?![\d]|[.,]\d)");
}
