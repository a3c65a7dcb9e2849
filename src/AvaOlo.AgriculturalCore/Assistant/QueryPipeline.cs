using System.Diagnostics;
using System.Text.Json;
using AvaOlo.AgriculturalCore.Assistant.AgronomistKnowledge;
using AvaOlo.AgriculturalCore.Assistant.Checks;
using AvaOlo.AgriculturalCore.Assistant.Confirmations;
using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using AvaOlo.AgriculturalCore.Assistant.Languages;
using AvaOlo.AgriculturalCore.Assistant.Limits;
using AvaOlo.AgriculturalCore.Assistant.ModelPath;
using AvaOlo.AgriculturalCore.Assistant.RuleBased;
using AvaOlo.Data.Entities;
using AvaOlo.ServiceDefaults.Telemetry;

namespace AvaOlo.AgriculturalCore.Assistant;

/// <summary>
/// One question, answered: the thread's owner → reply language → the answer to a waiting proposal → cache (new
/// threads only) → the model path (<see cref="ModelAnswerer"/>, within the daily budget) → else the rule-based
/// answer (<see cref="RuleBasedAnswerer"/>). Every exchange and every model call is stored; the farmer always gets an
/// answer within the model deadline plus the rule-based time.
/// </summary>
public sealed class QueryPipeline(ReplyLanguages languages, AnswerCache cache, ConfirmationStage confirmations, ModelAnswerer model,
    RuleBasedAnswerer ruleBased, ModelBudget budget, ExchangeStore exchanges, KnowledgeLookup knowledge, TimeProvider clock, ILogger<QueryPipeline> log)
{
    /// <param name="explicitAnswer">A channel's structured yes/no to the thread's waiting proposal (e.g. a button), if any.</param>
    public async Task<AskOutcome> AnswerAsync(Asking who, QueryRules.Normalized q, CancellationToken ct, ConfirmationAnswer? explicitAnswer = null)
    {
        var started = Stopwatch.GetTimestamp();
        // A thread is continued only by the asker and key that started it: anyone else gets the 404 of a thread that
        // does not exist, and never its history, its cached answers or its waiting proposal.
        var continues = false;
        if (q.ThreadId is { } thread)
        {
            var mayContinue = await exchanges.MayContinueAsync(thread, who, ct);
            if (mayContinue == false)
                return new AskOutcome.Refused(404, "Not found", "conversation_id: there is no conversation with this id that you may continue.", "conversation_id");
            continues = mayContinue == true;
        }
        var asker = who.Asker;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var country = q.CountryCode ?? asker.CountryCode;
        var resolved = languages.Choose(q.Query, q.Language, asker.PreferredLanguage, country);
        var request = new AssistantRequest(asker.FarmerId, country, resolved.Code, q.Query, today, q.ThreadId ?? Guid.NewGuid());
        using var scope = log.BeginFarmerScope(asker.FarmerId, resolved.Code, country);

        var calls = new List<ModelCallRecord>();
        string method;
        CheckedAnswer answer;
        // The server, not a model, carries out (or drops) what the farmer was asked to confirm.
        if (continues && await confirmations.TryAnswerAsync(who, request, explicitAnswer, ct) is { } confirmation)
            (method, answer) = (AnswerMethods.Offline, confirmation);
        else
        {
            var notes = await knowledge.FindAsync(request, ct); // agronomists' corrections for this question (AgronomistKnowledge/)
            // A continued thread's answer may rest on its history: it is neither served from nor stored in the cache.
            var key = continues ? null : AnswerCache.Key(asker, country, resolved.Code, today, q.Query) + notes.CacheTag;
            if (key is not null && await cache.GetAsync(key, ct) is { } hit) (method, answer) = (AnswerMethods.Cache, hit.ToCheckedAnswer());
            else
            {
                if (model.Available && await budget.ExhaustedAsync(who, today, ct) is { } subject)
                {
                    log.LogInformation("Daily model budget of {Subject} used up; question refused", subject);
                    var (detail, language) = LimitPhrases.BudgetUsedUp(resolved.Code);
                    return new AskOutcome.Refused(429, "Daily AI advisor budget used up", detail, RetryAfter: UntilMidnight(), Language: language);
                }
                (method, answer) = await AnswerAfreshAsync(who, request, key, continues, calls, notes, ct);
                await budget.ChargeAsync(who, today, calls, ct);
            }
        }
        return new AskOutcome.Answered(await FinishAsync(who, request, resolved, method, answer, calls, started, ct));
    }

    private async Task<(string Method, CheckedAnswer Answer)> AnswerAfreshAsync(Asking who, AssistantRequest request, string? key, bool continues,
        List<ModelCallRecord> calls, AgronomistNotes notes, CancellationToken ct)
    {
        var fromModel = model.Available ? await model.AnswerAsync(who, request, continues, calls, notes, ct) : null;
        var (method, answer) = fromModel is { } m ? (AnswerMethods.Llm, m) : (AnswerMethods.Offline, await ruleBased.AnswerAsync(request, notes, ct));
        // Offline answers are cached only when no model is configured: after a model failure, the next ask should try it
        // again. An answer that asks the farmer to confirm a change is about one proposal and is never replayed.
        if (key is not null && answer.Answer.Proposal is null && (method == AnswerMethods.Llm || !model.Configured))
            await cache.SetAsync(key, CachedAnswer.From(answer), ct);
        return (method, answer);
    }

    private async Task<QueryResponse> FinishAsync(Asking who, AssistantRequest request, ResolvedLanguage resolved, string method, CheckedAnswer checkedAnswer,
        List<ModelCallRecord> calls, long started, CancellationToken ct)
    {
        var (answer, checks) = checkedAnswer;
        var elapsed = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var passed = checks.All(c => c.Passed);
        foreach (var call in calls) AvaOloMetrics.RecordLlmQuery(call.LatencyMs, call.Success);
        var languageCheck = checks.FirstOrDefault(c => c.Name == ConstitutionalChecks.Language);
        var languageMatched = answer.Language == request.Language && languageCheck?.Passed != false;
        AvaOloMetrics.RecordLocalization(languageMatched);
        var exchange = await exchanges.StoreAsync(new ExchangeRecord(who, request, method, answer, JsonSerializer.Serialize(checks, ExchangeStore.Json),
            passed, languageMatched, elapsed, calls, clock.GetUtcNow()), ct);
        log.LogInformation("Answered by {Method} in {ElapsedMs} ms (language {Language} from {LanguageSource}, checks {Checks})",
            method, elapsed, answer.Language, resolved.Source, passed ? "passed" : "failed");
        return new QueryResponse(true, answer.Text, answer.Language, request.CountryCode, method, answer.Sources, new Compliance(passed, checks),
            new QueryMetadata(elapsed, answer.Model, answer.ToolCalls, request.ThreadId, exchange,
                JsonNamingPolicy.SnakeCaseLower.ConvertName(resolved.Source.ToString()), answer.Proposal));
    }

    private TimeSpan UntilMidnight()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero) - now;
    }
}
