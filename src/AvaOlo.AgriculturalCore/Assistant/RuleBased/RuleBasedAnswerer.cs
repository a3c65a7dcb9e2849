using System.Globalization;
using AvaOlo.AgriculturalCore.Assistant.AgronomistKnowledge;
using AvaOlo.AgriculturalCore.Assistant.Catalogue;
using AvaOlo.AgriculturalCore.Assistant.Checks;
using AvaOlo.AgriculturalCore.Assistant.FarmFacts;
using AvaOlo.AgriculturalCore.Assistant.Matching;
using AvaOlo.AgriculturalCore.Assistant.RuleBased.Understanding;

namespace AvaOlo.AgriculturalCore.Assistant.RuleBased;

/// <summary>
/// Answers from the farmer's records and the product rules without any model: fields and areas, what is
/// planted (and how many plants), what is due or done, what was sprayed and used, pre-harvest intervals, harvest
/// safety and registered products — in the reply language — and says plainly when a question needs the AI advisor.
/// What the question asks comes from <see cref="Understander"/>, in the question's own language. The API calls these
/// answers "offline".
/// </summary>
public sealed partial class RuleBasedAnswerer(FarmFactReader facts, ReferenceCatalogue catalogue, AnswerChecker checker)
{
    /// <param name="notes">An agronomist's answer in the reply language, when there is one, is the answer (cited).</param>
    public async Task<CheckedAnswer> AnswerAsync(AssistantRequest request, AgronomistNotes notes, CancellationToken ct)
    {
        var answer = notes.SameLanguage is { } note
            ? new AssistantAnswer(Citations.Cited(note, request.Language), request.Language, [note.Source(request.Language)])
            : await ComposeAsync(request, ct);
        return new(answer, checker.CheckRuleBasedAnswer(answer, request.Language, request.CountryCode));
    }

    private sealed record Context(AssistantRequest Request, int FarmerId, Formatter Format, RecordPhrasebook Records, Understood Understood,
        List<AnswerSource> Sources, string[] Words);

    private async Task<AssistantAnswer> ComposeAsync(AssistantRequest request, CancellationToken ct)
    {
        var (book, language) = Phrasebooks.For(request.Language);
        var format = new Formatter(book, language);
        var sources = new List<AnswerSource>();
        var sentences = new List<string>();

        // A pre-harvest question about a named product is answered from the catalogue alone: no read of the records.
        var products = (await catalogue.MaterialsAsync(ct)).Select(m => m.Words).ToList();
        var fields = request.FarmerId is { } farmerId && !(Intents.AsksForPreHarvestInterval(request.Question)
            && Understander.NamesProduct(TextMatch.LatinWords(request.Question), products)) ? await facts.FieldsAsync(farmerId, ct) : [];
        var understood = Understander.Understand(request.Question, fields, products);
        var ask = understood.Ask;

        if (ask == Ask.PreHarvestInterval)
            sentences.AddRange(await PreHarvestIntervalAsync(request, format, sources, ct));
        // Without a farmer the crop must be in the question; a farmer's products question falls back to their own crops.
        else if (ask == Ask.Products && request.CountryCode is not null && request.FarmerId is null)
            sentences.AddRange(await ProductsAsync(request, null, format, RecordPhrasebooks.For(language), sources, ct));
        else if (request.FarmerId is not { } id)
            sentences.Add(book.NoRecords);
        else
        {
            var c = new Context(request, id, format, RecordPhrasebooks.For(language), understood, sources, TextMatch.LatinWords(request.Question));
            sentences.AddRange(await FromRecordsAsync(c, fields, ct));
        }
        if (ask == Ask.Advice || (ask is Ask.Tasks or Ask.Harvest or Ask.Sprayed && Intents.AsksForAdvice(request.Question)))
            sentences.Add(book.NeedsAdvisor);
        return new AssistantAnswer(Sentences.Tidy(string.Join(" ", sentences.Where(s => s.Length > 0))), language, sources);
    }

    private async Task<IEnumerable<string>> FromRecordsAsync(Context c, List<FieldFact> fields, CancellationToken ct)
    {
        var f = c.Format;
        switch (c.Understood.Ask)
        {
            case Ask.FieldCount or Ask.TotalArea: return [Fields(fields, f, c.Sources)];
            case Ask.FieldArea:
                c.Sources.Add(new AnswerSource("field", c.Understood.Field!.Name, c.Understood.Field.Id));
                return [FillField(c.Records.FieldArea, c.Understood.Field, f)];
            case Ask.LargestField when fields.Count > 0:
                return [FillField(c.Records.Largest, fields.MaxBy(x => x.AreaHa)!, f), Fields(fields, f, c.Sources)];
            case Ask.LargestField: return [f.Book.NoFields];
            case Ask.Sprayed: return await SprayedAsync(c, ct);
            case Ask.InputUsage: return await InputUsageAsync(c, ct);
        }
        var plantings = await facts.PlantingsAsync(c.FarmerId, c.Request.Today.Year, ct);
        var field = c.Understood.Field;
        var mentioned = field is not null ? plantings.Where(p => p.FieldId == field.Id).ToList()
            : plantings.Where(p => TextMatch.Mentions(TextMatch.Words(c.Request.Question), p.Crop)).ToList();
        var relevant = mentioned.Count > 0 ? mentioned : plantings;
        return c.Understood.Ask switch
        {
            Ask.CropOnField => mentioned.Count > 0 ? [Crops(mentioned, f, c.Sources)] : [FillField(c.Records.NothingOnField, field!, f)],
            Ask.Crops => [Crops(plantings, f, c.Sources)],
            Ask.PlantCount => PlantCounts(relevant, f, c.Sources),
            Ask.Harvest => await HarvestAsync(c.FarmerId, c.Request, relevant, f, c.Sources, ct),
            Ask.Tasks => await TasksAsync(c.FarmerId, c.Request.Today, mentioned, f, c.Sources, ct),
            Ask.Products => await ProductsAsync(c.Request, relevant, f, c.Records, c.Sources, ct),
            _ => await AdviceAsync(c, mentioned, ct),
        };
    }

    private static string FillField(string template, FieldFact field, Formatter f) => template
        .Field(field.Name).Replace("{area}", f.Area(field.AreaHa), StringComparison.Ordinal);

    private static string Fields(List<FieldFact> fields, Formatter f, List<AnswerSource> sources)
    {
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
}
