using AvaOlo.AgriculturalCore.Assistant.AgronomistKnowledge;
using AvaOlo.AgriculturalCore.Assistant.Checks;
using AvaOlo.AgriculturalCore.Assistant.Confirmations;
using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using AvaOlo.ServiceDefaults.Telemetry;
using Microsoft.Extensions.AI;

namespace AvaOlo.AgriculturalCore.Assistant.ModelPath;

/// <summary>
/// The model path of one question: the model with this farmer's tools, its answer checked against the constitution,
/// one corrective retry, all within the model deadline. Null means "answer rule-based instead".
/// </summary>
public sealed class ModelAnswerer(ModelCaller caller, FarmToolbox toolbox, ExchangeStore exchanges, AnswerChecker checker, Proposals proposals,
    ILogger<ModelAnswerer> log)
{
    /// <summary>A model is configured (a key or a base URL), whether or not it is usable now.</summary>
    public bool Configured => caller.Options.ModelConfigured;

    public bool Available => caller.Available;

    /// <param name="continues">The client continues a thread (conversation_id), whose last exchanges the model is shown.</param>
    /// <param name="calls">Every model call made, for llm_debug_log, whatever the outcome.</param>
    /// <param name="notes">An agronomist's answer (any language) the model must follow and cite.</param>
    public async Task<CheckedAnswer?> AnswerAsync(Asking who, AssistantRequest request, bool continues, List<ModelCallRecord> calls, AgronomistNotes notes,
        CancellationToken ct)
    {
        var tools = toolbox.For(who, request);
        var answer = await AskWithinDeadlineAsync(request, tools, continues, calls, notes, ct);
        // A proposal the farmer will not read (the model's answer was not given) must not wait for a "yes".
        if (answer is null && tools?.Proposal is { } orphan) await proposals.WithdrawAsync(orphan.Id, CancellationToken.None);
        return answer;
    }

    private async Task<CheckedAnswer?> AskWithinDeadlineAsync(AssistantRequest request, FarmTools? tools, bool continues, List<ModelCallRecord> calls,
        AgronomistNotes notes, CancellationToken ct)
    {
        var options = caller.Options;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Deadline);
        // A new thread (no conversation_id from the client) has no history to read.
        var history = continues ? await exchanges.HistoryAsync(request.ThreadId, request.FarmerId, ct) : [];
        var note = notes.AnyLanguage;
        if (note is not null) history.Insert(0, new ChatMessage(ChatRole.System, AgronomistPrompt.For(note, request.Language)));
        string? correction = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var (text, record) = await caller.AskAsync(request, history, tools, correction, deadline.Token);
            if (text is null)
            {
                calls.Add(record);
                log.LogWarning("Model call failed ({Error}); answering offline", record.Error);
                return null;
            }
            var checks = await checker.CheckModelAnswerAsync(text, request.Language, request.FarmerId, request.CountryCode, ct);
            calls.Add(record with { Checks = checks });
            var failed = checks.Where(c => !c.Passed).ToList();
            if (!options.ConstitutionalChecks || failed.Count == 0)
            {
                var sources = (tools?.Sources ?? []).Concat(note is null ? [] : [note.Source(request.Language)]).DistinctBy(s => (s.Type, s.Title)).ToList();
                return new(new AssistantAnswer(text, request.Language, sources, tools?.Calls ?? 0, record.Model, tools?.Proposal), checks);
            }
            foreach (var violation in failed)
            {
                AvaOloMetrics.RecordConstitutionalViolation(violation.Name);
                log.LogWarning("constitutional violation: {ViolationType} ({Detail}); attempt {Attempt}", violation.Name, violation.Detail, attempt + 1);
            }
            correction = SystemPrompt.Correction(request.Language, failed.Select(c => $"{c.Name}: {c.Detail}"));
        }
        return null; // two answers broke the rules: the rule-based answer is given instead
    }
}
