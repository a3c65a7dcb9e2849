using AvaOlo.AgriculturalCore.Assistant.Checks;
using AvaOlo.AgriculturalCore.Assistant.Confirmations;

namespace AvaOlo.AgriculturalCore.Assistant;

/// <summary>A farmer's question. The farmer is named by id or by phone; an unknown phone is still answered.</summary>
public sealed record QueryRequest(string? Query, int? FarmerId, string? PhoneNumber, string? Language, string? CountryCode, Guid? ConversationId);

public sealed record Compliance(bool Passed, IReadOnlyList<CheckResult> Checks);

/// <param name="PendingConfirmation">A change this answer asks the farmer to confirm: their next message in the thread (conversation_id) carries it out with a yes, or drops it with a no.</param>
public sealed record QueryMetadata(int ProcessingTimeMs, string? Model, int ToolCalls, Guid ConversationId, long ExchangeId, string LanguageSource,
    PendingConfirmation? PendingConfirmation = null);

/// <summary>method: "llm" (the model answered), "offline" (records and rules, no model) or "cache".</summary>
public sealed record QueryResponse(bool Success, string Response, string Language, string? CountryCode, string Method,
    IReadOnlyList<AnswerSource> Sources, Compliance ConstitutionalCompliance, QueryMetadata Metadata);
