using AvaOlo.AgriculturalCore.Assistant.Checks;
using AvaOlo.AgriculturalCore.Assistant.Confirmations;

namespace AvaOlo.AgriculturalCore.Assistant;

/// <summary>
/// What an assistant (the model or the rule-based one) gets: the farmer by id only — never their name, phone or
/// e-mail — the country, the reply language, the question and today's date.
/// </summary>
public sealed record AssistantRequest(int? FarmerId, string? CountryCode, string Language, string Question, DateOnly Today, Guid ThreadId);

/// <summary>A record an answer was built from, e.g. { type: "fields", title: "Mota" }.</summary>
public sealed record AnswerSource(string Type, string Title, int? Id = null);

/// <param name="Proposal">A change the answer asks the farmer to confirm: such an answer is never cached.</param>
public sealed record AssistantAnswer(string Text, string Language, IReadOnlyList<AnswerSource> Sources, int ToolCalls = 0, string? Model = null,
    PendingConfirmation? Proposal = null);

/// <summary>An answer with the constitution's checks on it: what each path (model, rule-based, cache) hands the pipeline.</summary>
public sealed record CheckedAnswer(AssistantAnswer Answer, IReadOnlyList<CheckResult> Checks);
