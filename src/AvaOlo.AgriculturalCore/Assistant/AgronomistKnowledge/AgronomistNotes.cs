namespace AvaOlo.AgriculturalCore.Assistant.AgronomistKnowledge;

/// <summary>One agronomist entry chosen for a question: its text, language and date, and how to cite it.</summary>
public sealed record AgronomistNote(long Id, string Scope, string Answer, string Language, DateTimeOffset At)
{
    /// <summary>"per your agronomist, 4 Dec 2026" in the reply language.</summary>
    public string Citation(string replyLanguage) => Citations.For(replyLanguage, DateOnly.FromDateTime(At.UtcDateTime));

    public AnswerSource Source(string replyLanguage) => new("agronomist_knowledge", Citation(replyLanguage), (int)Math.Min(Id, int.MaxValue));
}

/// <summary>
/// What the knowledge lookup found for one question: the best entry in the reply language (the rule-based path gives it
/// as the answer) and the best in any language (the model path, which translates, must follow it).
/// </summary>
public sealed record AgronomistNotes(AgronomistNote? SameLanguage, AgronomistNote? AnyLanguage)
{
    public static readonly AgronomistNotes None = new(null, null);

    /// <summary>Part of the answer-cache key: an answer cached before a correction is not served after it.</summary>
    public string CacheTag => AnyLanguage is null ? "" : $":k{AnyLanguage.Id}-{SameLanguage?.Id ?? 0}";
}
