using System.Globalization;
using AvaOlo.AgriculturalCore.Assistant.Catalogue;
using AvaOlo.AgriculturalCore.Assistant.FarmFacts;
using AvaOlo.AgriculturalCore.Assistant.Matching;
using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased;

/// <summary>The answers about work and inputs: tasks, sprayings, inputs used, harvest safety, product rules, advice.</summary>
public sealed partial class RuleBasedAnswerer
{
    private async Task<IEnumerable<string>> TasksAsync(int farmerId, DateOnly today, List<PlantingFact> mentioned, Formatter f,
        List<AnswerSource> sources, CancellationToken ct)
    {
        var tasks = await facts.TasksAsync(farmerId, today.AddDays(-60), today.AddDays(90), null, ct);
        if (mentioned.Count > 0)
        {
            var fieldNames = mentioned.Select(p => p.FieldName).ToHashSet(StringComparer.Ordinal);
            tasks = tasks.Where(t => t.Fields.Any(fieldNames.Contains)).ToList();
        }
        var planned = tasks.Where(t => t.Status == FarmTaskStatus.Planned && t.DueOn >= today.AddDays(-7)).Take(5).ToList();
        var done = tasks.Where(t => t.Status == FarmTaskStatus.Done).OrderByDescending(t => t.DoneOn).Take(5).ToList();
        sources.AddRange(planned.Concat(done).Select(t => new AnswerSource("task", t.Type, t.Id)));
        var result = new List<string>();
        if (planned.Count > 0) result.Add(string.Format(CultureInfo.InvariantCulture, f.Book.Planned, string.Join("; ", planned.Select(t => f.Task(t, t.DueOn)))));
        if (done.Count > 0) result.Add(string.Format(CultureInfo.InvariantCulture, f.Book.Done, string.Join("; ", done.Select(t => f.Task(t, t.DoneOn)))));
        if (result.Count == 0) result.Add(f.Book.NoTasks);
        return result;
    }

    /// <summary>Done sprayings of the last twelve months, newest first, on the named field or on all.</summary>
    private async Task<IEnumerable<string>> SprayedAsync(Context c, CancellationToken ct)
    {
        var today = c.Request.Today;
        var tasks = await facts.TasksAsync(c.FarmerId, today.AddDays(-365), today, FarmTaskStatus.Done, ct);
        var sprayings = tasks.Where(t => string.Equals(t.Type, "spraying", StringComparison.OrdinalIgnoreCase)
                && (c.Understood.Field is null || t.Fields.Contains(c.Understood.Field.Name)))
            .OrderByDescending(t => t.DoneOn).Take(5).ToList();
        if (sprayings.Count == 0) return [c.Records.NoSprayings];
        c.Sources.AddRange(sprayings.Select(t => new AnswerSource("task", t.Type, t.Id)));
        return [string.Format(CultureInfo.InvariantCulture, c.Records.Sprayed, string.Join("; ", sprayings.Select(t => c.Format.Task(t, t.DoneOn))))];
    }

    /// <summary>
    /// Inputs of the last twelve months' done tasks, per product: dose per hectare times the task's hectares. Twelve
    /// months rather than a calendar year: a winter crop's season spans the new year.
    /// </summary>
    private async Task<IEnumerable<string>> InputUsageAsync(Context c, CancellationToken ct)
    {
        var today = c.Request.Today;
        var uses = await facts.MaterialUsesAsync(c.FarmerId, today.AddDays(-365), today, c.Understood.Field?.Id, ct);
        var products = await catalogue.MaterialsMentionedAsync(c.Request.Question, ct);
        if (products.Count > 0) uses = uses.Where(u => products.Any(p => string.Equals(p.Name, u.Material, StringComparison.Ordinal))).ToList();
        if (uses.Count == 0) return [c.Records.NotUsed];
        var f = c.Format;
        var items = uses.GroupBy(u => (u.Material, u.Unit)).Select(g =>
        {
            var perHa = g.Key.Unit is { } unit && unit.EndsWith("/ha", StringComparison.Ordinal);
            var total = g.Sum(u => (u.Dose ?? 0) * (perHa ? u.AreaHa : 1));
            var unitTotal = perHa ? g.Key.Unit![..^3] : g.Key.Unit ?? "";
            return $"{g.Key.Material} {total.ToString("0.###", CultureInfo.GetCultureInfo(CultureName(c)))} {unitTotal}".TrimEnd();
        });
        c.Sources.Add(new AnswerSource("material_use", string.Join(", ", uses.Select(u => u.Material).Distinct())));
        return [string.Format(CultureInfo.InvariantCulture, c.Records.Used, string.Join("; ", items))];
    }

    private static string CultureName(Context c) => c.Format.Language == "sr" ? "sr-Cyrl-RS" : c.Format.Language;

    /// <summary>
    /// The catalogue's rules in the farmer's country for the crop the question names, else for every crop the farmer
    /// grows: the crops with rules first (growing before harvested), then one sentence naming the crops with none.
    /// </summary>
    private async Task<IEnumerable<string>> ProductsAsync(AssistantRequest request, IReadOnlyList<PlantingFact>? own, Formatter f,
        RecordPhrasebook records, List<AnswerSource> sources, CancellationToken ct)
    {
        var named = CropNames.Canonical(request.Question);
        var crops = named is not null ? [(named, CropDisplay.Name(named, f.Language))] : OwnCrops(own ?? [], f.Language);
        if (crops.Count == 0 || request.CountryCode is null) return [f.Book.WhichProduct];
        var countryRules = await catalogue.CountryRulesAsync(request.CountryCode, ct);
        var registered = new List<string>();
        var intervals = new List<string>();
        var none = new List<string>();
        foreach (var (crop, display) in crops.Take(5))
        {
            var rules = countryRules.Where(r => r.Crop == crop).ToList();
            if (rules.Count == 0) { none.Add(display); continue; }
            sources.AddRange(rules.Select(r => new AnswerSource("material_rule", $"{r.Product} – {r.Crop} ({r.Country})")));
            registered.Add(string.Format(CultureInfo.InvariantCulture, Fill(records.Registered, display), string.Join(", ", rules.Select(r => r.Product).Distinct())));
            intervals.AddRange(rules.Where(r => r.PreHarvestIntervalDays is not null).Select(f.Phi));
        }
        if (none.Count > 0) registered.Add(Fill(records.NoneRegistered, string.Join(", ", none)));
        return registered.Concat(intervals.Take(5));

        string Fill(string s, string crop) => s.Replace("{crop}", crop, StringComparison.Ordinal).Replace("{country}", request.CountryCode, StringComparison.Ordinal);
    }

    /// <summary>
    /// The farmer's crops as rule crops (a crop the rules do not know keeps the farmer's own word), each once, the ones
    /// still in the ground first: "what may I use on my crops" is about this season's, not last summer's harvest.
    /// </summary>
    private static List<(string Crop, string Display)> OwnCrops(IReadOnlyList<PlantingFact> plantings, string language) => plantings
        .OrderBy(p => p.Status is PlantingStatus.Growing or PlantingStatus.Planned ? 0 : 1)
        .Select(p => CropNames.Canonical(p.Crop) is { } c ? (c, CropDisplay.Name(c, language)) : (TextMatch.Fold(p.Crop), p.Crop))
        .DistinctBy(c => c.Item1).ToList();

    /// <summary>
    /// A question beyond the records ("when should I spray the tomatoes against blight?") still gets what the records
    /// say about what it names: the work planned and done on those fields, with the products and their rules. The
    /// caller then says that the rest needs the advisor.
    /// </summary>
    private async Task<IEnumerable<string>> AdviceAsync(Context c, List<PlantingFact> mentioned, CancellationToken ct)
    {
        if (mentioned.Count == 0) return [];
        var result = new List<string> { c.Records.FromRecords };
        result.AddRange(await TasksAsync(c.FarmerId, c.Request.Today, mentioned, c.Format, c.Sources, ct));
        if (c.Request.CountryCode is null) return result;
        var products = (await catalogue.MaterialsAsync(ct)).Select(m => m.Fact.Name)
            .Where(p => result.Any(s => s.Contains(p, StringComparison.Ordinal))).ToList();
        foreach (var product in products.Take(3))
            foreach (var rule in await catalogue.RulesAsync(product, mentioned[0].Crop, c.Request.CountryCode, ct))
            {
                c.Sources.Add(new AnswerSource("material_rule", $"{rule.Product} – {rule.Crop} ({rule.Country})"));
                if (rule.PreHarvestIntervalDays is not null) result.Add(c.Format.Phi(rule));
                result.Add(c.Format.Limits(rule));
            }
        return result;
    }

    private async Task<IEnumerable<string>> HarvestAsync(int farmerId, AssistantRequest request, List<PlantingFact> plantings, Formatter f,
        List<AnswerSource> sources, CancellationToken ct)
    {
        if (plantings.Count == 0) return [f.Book.NoFields];
        var result = new List<string>();
        foreach (var p in plantings.DistinctBy(p => p.FieldId).Take(5))
        {
            if (p.ExpectedHarvestOn is { } expected) result.Add(f.Fill(f.Book.ExpectedHarvest, p).Replace("{date}", f.Date(expected), StringComparison.Ordinal));
            if (request.CountryCode is null) continue;
            var safety = await facts.HarvestSafetyAsync(farmerId, p.FieldId, request.Today, request.CountryCode, ct);
            if (safety is null) continue;
            sources.Add(new AnswerSource("harvest_safety", safety.FieldName, p.FieldId));
            result.Add(f.Harvest(safety));
        }
        return result;
    }

    private async Task<IEnumerable<string>> PreHarvestIntervalAsync(AssistantRequest request, Formatter f, List<AnswerSource> sources, CancellationToken ct)
    {
        var products = (await catalogue.MaterialsMentionedAsync(request.Question, ct)).Select(m => m.Name).ToList();
        if (products.Count == 0) return [f.Book.WhichProduct];
        var country = request.CountryCode ?? "?";
        var crop = CropNames.Canonical(request.Question);
        var result = new List<string>();
        foreach (var product in products.Take(3))
        {
            var rules = request.CountryCode is null ? [] : await catalogue.RulesAsync(product, crop, request.CountryCode, ct);
            if (rules.Count == 0)
            {
                result.Add(f.Book.PhiUnknown.Replace("{product}", product, StringComparison.Ordinal).Replace("{country}", country, StringComparison.Ordinal));
                continue;
            }
            foreach (var rule in rules.Where(r => r.PreHarvestIntervalDays is not null).Take(5))
            {
                sources.Add(new AnswerSource("material_rule", $"{rule.Product} – {rule.Crop} ({rule.Country})"));
                result.Add(f.Phi(rule));
            }
            if (rules.FirstOrDefault() is { } first) result.Add(f.Limits(first));
        }
        return result;
    }
}
