using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using AvaOlo.AgriculturalCore.Assistant.FarmFacts;
using AvaOlo.AgriculturalCore.Assistant.Languages;
using AvaOlo.AgriculturalCore.Assistant.Matching;
using AvaOlo.Data.Entities;
using AvaOlo.Data;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Assistant.SelfTests;

public sealed class SelfTestRunner(AvaOloDbContext db, FarmFactReader knowledge, QueryPipeline pipeline, LanguageDetection detection,
    TimeProvider clock, AssistantOptions options)
{
    public const string MangoQuestion = "Колко манго дървета имам?";
    public const string TomatoQuestion = "Kdaj je potrebno pošpricati paradižnik proti plesni?";

    private int MaxLatencyMs => options.SelfTestMaxLatency;

    public async Task<SelfTestResult> MangoRuleAsync(CancellationToken ct)
    {
        const string test = "mango-rule";
        var (asker, found) = await DemoFarmerAsync(DemoFarmers.BulgarianMangoPhone, ct);
        if (asker is null) return new(test, false, [found], null, null, null);
        var mango = await PlantingsOfAsync(asker, "манго", "mango", ct);
        var trees = mango.Sum(p => p.PlantCount ?? 0);
        var records = new SelfTestCheck("farmer_records", trees > 0,
            trees > 0 ? $"{mango.Count} mango planting(s), {trees} trees on {mango.Sum(p => p.AreaHa)} ha" : "the farmer has no mango planting with a tree count");

        if (await AskAsync(asker, MangoQuestion, ct) is not { } r) return Refused(test, found, records);
        var usesRecords = new SelfTestCheck("uses_own_records", trees > 0 && SelfTestChecks.ContainsNumber(r.Response, trees),
            trees > 0 ? $"answer {(SelfTestChecks.ContainsNumber(r.Response, trees) ? "states" : "does not state")} the real number of trees ({trees})" : "no real number to compare");
        return Result(test, r, [found, records, SelfTestChecks.Language(r, "bg", Script.Cyrillic, detection), usesRecords,
            SelfTestChecks.Latency(r, MaxLatencyMs), SelfTestChecks.Constitution(r)]);
    }

    public async Task<SelfTestResult> SlovenianFarmerAsync(CancellationToken ct)
    {
        const string test = "slovenian-farmer";
        var (asker, found) = await DemoFarmerAsync(DemoFarmers.SlovenianTomatoPhone, ct);
        if (asker is null) return new(test, false, [found], null, null, null);
        var tomato = await PlantingsOfAsync(asker, "paradižnik", "tomato", ct);
        var records = new SelfTestCheck("farmer_records", tomato.Count > 0,
            tomato.Count > 0 ? $"tomato on {string.Join(", ", tomato.Select(p => $"{p.FieldName} ({p.AreaHa} ha)"))}" : "the farmer has no tomato planting this season");

        if (await AskAsync(asker, TomatoQuestion, ct) is not { } r) return Refused(test, found, records);
        var mentioned = tomato.Where(p => r.Response.Contains(p.FieldName, StringComparison.OrdinalIgnoreCase)).Select(p => p.FieldName).ToList();
        var usesRecords = new SelfTestCheck("uses_own_records", mentioned.Count > 0,
            mentioned.Count > 0 ? $"answer names the tomato field(s) {string.Join(", ", mentioned)}" : "answer does not name any of the farmer's tomato fields");
        return Result(test, r, [found, records, SelfTestChecks.Language(r, "sl", Script.Latin, detection), usesRecords,
            SelfTestChecks.Latency(r, MaxLatencyMs), SelfTestChecks.Constitution(r)]);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The demo farmer's plantings of one crop, named in the farmer's language or in English.</summary>
    private async Task<List<PlantingFact>> PlantingsOfAsync(Asker asker, string localName, string englishName, CancellationToken ct)
    {
        var names = TextMatch.Words($"{localName} {englishName}");
        return (await knowledge.PlantingsAsync(asker.FarmerId!.Value, Today.Year, ct))
            .Where(p => TextMatch.Mentions(names, p.Crop) || TextMatch.Mentions(TextMatch.Words(p.Crop), localName)).ToList();
    }

    /// <summary>
    /// Asks as the demo farmer through the real pipeline, on the self-test channel (kept out of the review queue), with
    /// no right to change records: a self-test never proposes changes. Null when the question was refused.
    /// </summary>
    private async Task<QueryResponse?> AskAsync(Asker asker, string question, CancellationToken ct) =>
        await pipeline.AnswerAsync(new Asking(asker, ExchangeStore.SelfTestChannel, null, MayWriteRecords: false, IntegrationKeyId: null), Question(question), ct)
            is AskOutcome.Answered answered ? answered.Response : null;

    private static SelfTestResult Refused(string test, params SelfTestCheck[] checks) =>
        new(test, false, [.. checks, new SelfTestCheck("answered", false, "the assistant refused the question (e.g. the farmer's daily model budget is used up)")],
            null, null, null);

    private static QueryRules.Normalized Question(string text) => new(text, null, null, null, null, null, null);

    private async Task<(Asker? Asker, SelfTestCheck Check)> DemoFarmerAsync(string phone, CancellationToken ct)
    {
        var farmer = await db.Farmers.AsNoTracking().FirstOrDefaultAsync(f => f.Phone == phone, ct);
        return farmer is null
            ? (null, new("demo_farmer", false, $"no farmer with phone {phone}: run `avaolo seed`"))
            : (new Asker(farmer.Id, farmer.CountryCode, farmer.PreferredLanguage, farmer.RecordsVersion), new("demo_farmer", true, $"farmer {farmer.Id} ({farmer.CountryCode})"));
    }

    private static SelfTestResult Result(string test, QueryResponse r, List<SelfTestCheck> checks) =>
        new(test, checks.All(c => c.Passed), checks, r.Response, r.Method, r.Metadata.ProcessingTimeMs);
}
