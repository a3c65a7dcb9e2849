using System.Globalization;
using AvaOlo.AgriculturalCore.Assistant.AgronomistKnowledge;
using AvaOlo.AgriculturalCore.Assistant.Catalogue;
using AvaOlo.AgriculturalCore.Assistant.Checks;
using AvaOlo.AgriculturalCore.Assistant.FarmFacts;
using AvaOlo.AgriculturalCore.Assistant.Matching;
using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased;

/// <summary>
/// Answers from the farmer's records and the product rules without any model: fields and areas, what is
/// planted (and how many plants), what is due or done, pre-harvest intervals and harvest safety — in the reply
/// language — and says plainly when a question needs the AI advisor. The API calls these answers "offline".
/// </summary>
public sealed class RuleBasedAnswerer(FarmFactReader facts, ReferenceCatalogue catalogue, AnswerChecker checker)
{
    /// <param name="notes">An agronomist's answer in the reply language, when there is one, is the answer (cited).</param>
    public async Task<CheckedAnswer> AnswerAsync(AssistantRequest request, AgronomistNotes notes, CancellationToken ct)
    {
        var answer = notes.SameLanguage is { } note
            ? new AssistantAnswer(Citations.Cited(note, request.Language), request.Language, [note.Source(request.Language)])
            : await ComposeAsync(request, ct);
        return new(answer, checker.CheckRuleBasedAnswer(answer, request.Language));
    }

    private async Task<AssistantAnswer> ComposeAsync(AssistantRequest request, CancellationToken ct)
    {
        var (book, language) = Phrasebooks.For(request.Language);
        var format = new Formatter(book, language);
        var sources = new List<AnswerSource>();
        var sentences = new List<string>();

        // A pre-harvest question is answered from the catalogue alone, whatever crops the farmer grows: skip that read.
        var plantings = request.FarmerId is { } farmerId && !Intents.AsksForPreHarvestInterval(request.Question)
            ? await facts.PlantingsAsync(farmerId, request.Today.Year, ct) : [];
        var intents = Intents.Detect(request.Question, plantings.Select(p => p.Crop));
        var intent = intents.Count > 0 ? intents[0] : (Intent?)null;

        if (intent == Intent.PreHarvestInterval)
            sentences.AddRange(await PreHarvestIntervalAsync(request, format, sources, ct));
        else if (request.FarmerId is not { } id)
            sentences.Add(book.NoRecords);
        else
        {
            var words = TextMatch.Words(request.Question);
            var mentioned = plantings.Where(p => TextMatch.Mentions(words, p.Crop)).ToList();
            var relevant = mentioned.Count > 0 ? mentioned : plantings;
            switch (intent)
            {
                case Intent.Harvest: sentences.AddRange(await HarvestAsync(id, request, relevant, format, sources, ct)); break;
                case Intent.PlantCount: sentences.AddRange(PlantCounts(relevant, format, sources)); break;
                case Intent.Tasks: sentences.AddRange(await TasksAsync(id, request.Today, mentioned, format, sources, ct)); break;
                case Intent.Crops: sentences.Add(Crops(plantings, format, sources)); break;
                default: sentences.Add(await FieldsAsync(id, format, sources, ct)); break;
            }
        }
        if (intent is null || (intent is Intent.Tasks or Intent.Harvest && Intents.AsksForAdvice(request.Question)))
            sentences.Add(book.NeedsAdvisor);
        return new AssistantAnswer(string.Join(" ", sentences.Where(s => s.Length > 0)), language, sources);
    }

    private async Task<string> FieldsAsync(int farmerId, Formatter f, List<AnswerSource> sources, CancellationToken ct)
    {
        var fields = await facts.FieldsAsync(farmerId, ct);
        if (fields.Count == 0) return f.Book.NoFields;
        sources.AddRange(fields.Select(x => new AnswerSource("field", x.Name, x.Id)));
        var list = string.Join(", ", fields.Take(20).Select(x => $"{x.Name} ({f.Area(x.AreaHa)} {f.Book.Ha})"));
        return string.Format(CultureInfo.InvariantCulture, f.Book.Fields, fields.Count, f.Area(fields.Sum(x => x.AreaHa)), list);
    }

    private static string Crops(List<PlantingFact> plantings, Formatter f, List<AnswerSource> sources)
    {
        if (plantings.Count == 0) return f.Book.NoFields;
        sources.AddRange(plantings.Select(p => new AnswerSource("planting", $"{p.Crop} – {p.FieldName}", p.FieldId)));
        return string.Format(CultureInfo.InvariantCulture, f.Book.Crops, string.Join(", ", plantings.Take(20).Select(p => f.Fill(f.Book.CropItem, p))));
    }

    private static IEnumerable<string> PlantCounts(List<PlantingFact> plantings, Formatter f, List<AnswerSource> sources)
    {
        if (plantings.Count == 0) { yield return f.Book.NoFields; yield break; }
        foreach (var p in plantings.Take(10))
        {
            sources.Add(new AnswerSource("planting", $"{p.Crop} – {p.FieldName}", p.FieldId));
            yield return f.Fill(p.PlantCount is null ? f.Book.NoPlantCount : f.Book.PlantCount, p);
        }
    }

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
