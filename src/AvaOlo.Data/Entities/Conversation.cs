namespace AvaOlo.Data.Entities;

/// <summary>One exchange with the assistant: the question, the answer, how it was made, and its review state.</summary>
public sealed class Conversation
{
    public long Id { get; set; }
    /// <summary>Groups the exchanges of one thread; the client may send it back to continue.</summary>
    public Guid ThreadId { get; set; }
    /// <summary>Null when the phone number is unknown: the question is still answered, without personal records.</summary>
    public int? FarmerId { get; set; }
    public required string Channel { get; set; }
    /// <summary>The API key that asked (null on channels without keys): only that key may continue the thread.</summary>
    public int? ApiKeyId { get; set; }
    /// <summary>
    /// Who asked: "farmer:12", or for an unknown phone "phone:" and a SHA-256 prefix of the number — so an anonymous
    /// thread can be continued only from the number that started it, without copying the number into every exchange
    /// (a binding, not a secret: phone numbers are few enough to guess).
    /// </summary>
    public string? AskerRef { get; set; }
    public required string Question { get; set; }
    public required string Answer { get; set; }
    /// <summary>The language the answer was meant to be in (ISO 639-1), and the country it was for.</summary>
    public required string Language { get; set; }
    public string? CountryCode { get; set; }
    /// <summary>llm, offline or cache.</summary>
    public required string Method { get; set; }
    public string? Model { get; set; }
    public bool ChecksPassed { get; set; }
    /// <summary>The constitutional checks as JSON: [{ name, passed, detail }].</summary>
    public string? Checks { get; set; }
    public string? Sources { get; set; }
    public int ToolCalls { get; set; }
    public int ProcessingMs { get; set; }
    /// <summary>Whether the answer was delivered in the expected language (LocalizationAccuracy).</summary>
    public bool LanguageMatched { get; set; }
    public required string ReviewState { get; set; }
    public string? ExpertAnswer { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// The review queue's order, risk first (computed by the database from the row): 0–2 failed checks, 3–5 pesticide
    /// and dose topics (a product rule or harvest safety among the sources), 6–8 the rest; within each, model answers,
    /// then offline answers, then cache hits.
    /// </summary>
    public int ReviewRank { get; set; }
}

public static class ReviewStates
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Edited = "edited";
    public const string ExpertAnswered = "expert_answered";
    /// <summary>Never queued for review: self-tests and traffic from keys made with --no-review (benchmarks).</summary>
    public const string NotQueued = "not_queued";
    public static readonly string[] All = [Pending, Approved, Edited, ExpertAnswered, NotQueued];
    /// <summary>Reviewed by an agronomist whose text replaced the answer: what "corrected" means on the business page.</summary>
    public static readonly string[] Corrected = [Edited, ExpertAnswered];
}

public static class AnswerMethods
{
    public const string Llm = "llm";
    public const string Offline = "offline";
    public const string Cache = "cache";
}

/// <summary>Every call to a language model: who, which model, tokens, latency, outcome and checks.</summary>
public sealed class LlmCall
{
    public long Id { get; set; }
    public long? ConversationId { get; set; }
    public int? FarmerId { get; set; }
    public required string Model { get; set; }
    /// <summary>answer, corrective_retry, …</summary>
    public required string Purpose { get; set; }
    public int? PromptTokens { get; set; }
    public int? CompletionTokens { get; set; }
    public int LatencyMs { get; set; }
    public bool Success { get; set; }
    public string? Error { get; set; }
    public int ToolCalls { get; set; }
    public bool? ChecksPassed { get; set; }
    public string? Checks { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
