using System.Diagnostics;
using System.Text.Json;
using AvaOlo.AgriculturalCore.Assistant.AgronomistKnowledge;
using AvaOlo.AgriculturalCore.Assistant.Checks;
using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using AvaOlo.AgriculturalCore.Assistant.Languages;
using AvaOlo.AgriculturalCore.Assistant.ModelPath;
using AvaOlo.AgriculturalCore.Assistant.RuleBased;
using AvaOlo.Data.Entities;
using AvaOlo.ServiceDefaults.Telemetry;

namespace AvaOlo.AgriculturalCore.Assistant;

/// <summary>
/// One question, answered: reply language → cache → the model path (<see cref="ModelAnswerer"/>) → else the
/// rule-based answer (<see cref="RuleBasedAnswerer"/>). Every exchange and every model call is stored; the farmer
/// always gets an answer within the model deadline plus the rule-based time.
/// </summary>
public sealed class QueryPipeline(ReplyLanguages languages, AnswerCache cache, ModelAnswerer model, RuleBasedAnswerer ruleBased,
    ExchangeStore exchanges, KnowledgeLookup knowledge, TimeProvider clock, ILogger<QueryPipeline> log)
{
    public async Task<QueryResponse> AnswerAsync(Asker asker, QueryRules.Normalized q, string channel, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var country = q.CountryCode ?? asker.CountryCode;
        var resolved = languages.Choose(q.Query, q.Language, asker.PreferredLanguage, country);
        var request = new AssistantRequest(asker.FarmerId, country, resolved.Code, q.Query, today, q.ThreadId ?? Guid.NewGuid());
        using var scope = log.BeginFarmerScope(asker.FarmerId, resolved.Code, country);

        var notes = await knowledge.FindAsync(request, ct); // agronomists' corrections for this question (AgronomistKnowledge/)
        var key = AnswerCache.Key(asker, country, resolved.Code, today, q.Query) + notes.CacheTag;
        var calls = new List<ModelCallRecord>();
        var (method, (answer, checks)) = await cache.GetAsync(key, ct) is { } hit
            ? (AnswerMethods.Cache, hit.ToCheckedAnswer())
            : await AnswerAfreshAsync(request, key, continues: q.ThreadId is not null, calls, notes, ct);

        var elapsed = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var passed = checks.All(c => c.Passed);
        foreach (var call in calls) AvaOloMetrics.RecordLlmQuery(call.LatencyMs, call.Success);
        AvaOloMetrics.RecordLocalization(answer.Language == resolved.Code && checks.FirstOrDefault(c => c.Name == ConstitutionalChecks.Language)?.Passed != false);
        var exchange = await StoreAsync(asker, request, channel, method, answer, checks, passed, elapsed, calls, ct);
        log.LogInformation("Answered by {Method} in {ElapsedMs} ms (language {Language} from {LanguageSource}, checks {Checks})",
            method, elapsed, answer.Language, resolved.Source, passed ? "passed" : "failed");
        return new QueryResponse(true, answer.Text, answer.Language, country, method, answer.Sources, new Compliance(passed, checks),
            new QueryMetadata(elapsed, answer.Model, answer.ToolCalls, request.ThreadId, exchange, JsonNamingPolicy.SnakeCaseLower.ConvertName(resolved.Source.ToString())));
    }

    private async Task<(string Method, CheckedAnswer Answer)> AnswerAfreshAsync(AssistantRequest request, string key, bool continues,
        List<ModelCallRecord> calls, AgronomistNotes notes, CancellationToken ct)
    {
        var fromModel = model.Available ? await model.AnswerAsync(request, continues, calls, notes, ct) : null;
        var (method, answer) = fromModel is { } m ? (AnswerMethods.Llm, m) : (AnswerMethods.Offline, await ruleBased.AnswerAsync(request, notes, ct));
        // Offline answers are cached only when no model is configured: after a model failure, the next ask should try it again.
        if (method == AnswerMethods.Llm || !model.Configured) await cache.SetAsync(key, CachedAnswer.From(answer), ct);
        return (method, answer);
    }

    private Task<long> StoreAsync(Asker asker, AssistantRequest request, string channel, string method, AssistantAnswer answer,
        IReadOnlyList<CheckResult> checks, bool passed, int elapsedMs, List<ModelCallRecord> calls, CancellationToken ct)
    {
        var languageCheck = checks.FirstOrDefault(c => c.Name == ConstitutionalChecks.Language);
        return exchanges.StoreAsync(new ExchangeRecord(asker, request, channel, method, answer, JsonSerializer.Serialize(checks, ExchangeStore.Json), passed,
            answer.Language == request.Language && languageCheck?.Passed != false, elapsedMs, calls, clock.GetUtcNow()), ct);
    }
}
