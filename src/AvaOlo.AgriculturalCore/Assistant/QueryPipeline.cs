using System.Diagnostics;
using System.Text.Json;
using AvaOlo.AgriculturalCore.Assistant.Checks;
using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using AvaOlo.AgriculturalCore.Assistant.FarmFacts;
using AvaOlo.AgriculturalCore.Assistant.Languages;
using AvaOlo.AgriculturalCore.Assistant.ModelPath;
using AvaOlo.AgriculturalCore.Assistant.RuleBased;
using AvaOlo.Data.Entities;
using AvaOlo.Data;
using AvaOlo.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Caching.Memory;

namespace AvaOlo.AgriculturalCore.Assistant;

/// <summary>
/// One question, answered: resolve country and language → cache → the model with the farmer's tools (checked
/// against the constitution, one corrective retry) → else the offline assistant. Every exchange and every model
/// call is stored; the farmer always gets an answer within the model deadline plus the offline time.
/// </summary>
public sealed class QueryPipeline(
    IServiceProvider services, FarmFactReader knowledge, RuleBasedAnswerer offline, ModelCaller llm, ModelClient model, AnswerCache cache,
    LanguageDetection languages, FarmerNames farmerNames, ExchangeStore exchanges, IMemoryCache confirmations, TimeProvider clock, ILogger<QueryPipeline> log)
{
    public async Task<QueryResponse> AnswerAsync(Asker asker, QueryRules.Normalized q, string channel, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var options = model.Options;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var country = q.CountryCode ?? asker.CountryCode;
        var countryLanguage = options.CountryLocalization ? CountryLanguages.MainLanguageOf(country) : null;
        // The question's language only matters when neither the request nor the farmer names one: skip Lingua then.
        var detected = q.Language is null && asker.PreferredLanguage is null ? languages.Detect(q.Query, countryLanguage) : null;
        var resolved = LanguageResolver.Resolve(q.Language, asker.PreferredLanguage, detected, countryLanguage);
        var request = new AssistantRequest(asker.FarmerId, country, resolved.Code, q.Query, today, q.ThreadId ?? Guid.NewGuid());
        using var scope = log.BeginFarmerScope(asker.FarmerId, resolved.Code, country);

        var key = AnswerCache.Key(asker, country, resolved.Code, today, q.Query);
        var calls = new List<ModelCallRecord>();
        string method;
        AssistantAnswer answer;
        IReadOnlyList<CheckResult> checks;
        if (await cache.GetAsync(key, ct) is { } hit)
        {
            (method, answer, checks) = (AnswerMethods.Cache, new(hit.Text, hit.Language, hit.Sources, hit.ToolCalls, hit.Model), hit.Checks);
        }
        else
        {
            var fromModel = model.Available ? await AskModelAsync(request, continues: q.ThreadId is not null, calls, ct) : null;
            if (fromModel is { } m) (method, answer, checks) = (AnswerMethods.Llm, m.Answer, m.Checks);
            else
            {
                answer = await offline.AnswerAsync(request, ct);
                // The offline answer's language is known, not guessed: it is the phrasebook's (English where the reply
                // language has none, which the check then reports). Lingua misreads these short texts: product names
                // make an English sentence Hungarian, Serbian Cyrillic reads as Macedonian.
                (method, checks) = (AnswerMethods.Offline, await CheckAsync(answer.Text, resolved.Code, asker.FarmerId, lookUpNames: false, ct, writtenIn: answer.Language));
            }
            // Offline answers are cached only when no model is configured: after a model failure, the next ask should try it again.
            if (method == AnswerMethods.Llm || !options.ModelConfigured)
                await cache.SetAsync(key, new(answer.Text, answer.Language, [.. answer.Sources], [.. checks], answer.Model, answer.ToolCalls), ct);
        }

        var elapsed = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var passed = checks.All(c => c.Passed);
        foreach (var call in calls) AvaOloMetrics.RecordLlmQuery(call.LatencyMs, call.Success);
        AvaOloMetrics.RecordLocalization(answer.Language == resolved.Code && checks.FirstOrDefault(c => c.Name == ConstitutionalChecks.Language)?.Passed != false);
        var exchange = await StoreAsync(asker, request, channel, method, answer, checks, passed, elapsed, calls, ct);
        log.LogInformation("Answered by {Method} in {ElapsedMs} ms (language {Language} from {LanguageSource}, checks {Checks})",
            method, elapsed, answer.Language, resolved.Source, passed ? "passed" : "failed");
        return new QueryResponse(true, answer.Text, answer.Language, country, method, answer.Sources, new Compliance(passed, checks),
            new QueryMetadata(elapsed, answer.Model, answer.ToolCalls, request.ThreadId, exchange, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(resolved.Source.ToString())));
    }

    /// <summary>The model path, bounded by the deadline; null means "answer offline".</summary>
    private async Task<(AssistantAnswer Answer, IReadOnlyList<CheckResult> Checks)?> AskModelAsync(AssistantRequest request, bool continues, List<ModelCallRecord> calls, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(model.Options.Deadline);
        // The tools' writes need a DbContext; it is built only when the model records or deletes something.
        var tools = request.FarmerId is { } id ? new FarmTools(knowledge, () => services.GetRequiredService<AvaOloDbContext>(), confirmations, id, request.CountryCode, request.Today) : null;
        // A new thread (no conversation_id from the client) has no history to read.
        var history = continues ? await exchanges.HistoryAsync(request.ThreadId, request.FarmerId, ct) : [];
        string? correction = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var (text, record) = await llm.AskAsync(request, history, tools, correction, deadline.Token);
            if (text is null)
            {
                calls.Add(record);
                log.LogWarning("Model call failed ({Error}); answering offline", record.Error);
                return null;
            }
            var checks = await CheckAsync(text, request.Language, request.FarmerId, lookUpNames: true, ct);
            calls.Add(record with { Checks = checks });
            var failed = checks.Where(c => !c.Passed).ToList();
            if (!model.Options.ConstitutionalChecks || failed.Count == 0)
                return (new AssistantAnswer(text, request.Language, tools?.Sources.DistinctBy(s => (s.Type, s.Title)).ToList() ?? [], tools?.Calls ?? 0, record.Model), checks);
            foreach (var violation in failed)
            {
                AvaOloMetrics.RecordConstitutionalViolation(violation.Name);
                log.LogWarning("constitutional violation: {ViolationType} ({Detail}); attempt {Attempt}", violation.Name, violation.Detail, attempt + 1);
            }
            correction = SystemPrompt.Correction(request.Language, failed.Select(c => $"{c.Name}: {c.Detail}"));
        }
        return null; // two answers broke the rules: the offline assistant answers instead
    }

    private async Task<IReadOnlyList<CheckResult>> CheckAsync(string text, string language, int? farmerId, bool lookUpNames, CancellationToken ct,
        string? writtenIn = null)
    {
        // Names of other farmers in a model's answer are a privacy breach; offline answers only hold the asker's records.
        var names = lookUpNames ? await farmerNames.FoundInAsync(text, farmerId, ct) : [];
        return ConstitutionalChecks.Evaluate(new CheckInput(text, language, writtenIn ?? languages.Detect(text, hint: language), languages.Languages, names));
    }

    private Task<long> StoreAsync(Asker asker, AssistantRequest request, string channel, string method, AssistantAnswer answer,
        IReadOnlyList<CheckResult> checks, bool passed, int elapsedMs, List<ModelCallRecord> calls, CancellationToken ct)
    {
        var languageCheck = checks.FirstOrDefault(c => c.Name == ConstitutionalChecks.Language);
        return exchanges.StoreAsync(new ExchangeRecord(asker, request, channel, method, answer, JsonSerializer.Serialize(checks, ExchangeStore.Json), passed,
            answer.Language == request.Language && languageCheck?.Passed != false, elapsedMs, calls, clock.GetUtcNow()), ct);
    }
}
