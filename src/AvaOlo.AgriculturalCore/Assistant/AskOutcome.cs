namespace AvaOlo.AgriculturalCore.Assistant;

/// <summary>What asking the assistant came to: an answer, or a refusal a channel turns into its own form (a problem details response, a message).</summary>
public abstract record AskOutcome
{
    public sealed record Answered(QueryResponse Response) : AskOutcome;

    /// <param name="Field">The request field at fault, for a 4xx naming it.</param>
    /// <param name="Language">The language of <paramref name="Detail"/> (the farmer's, where it is meant for them).</param>
    public sealed record Refused(int Status, string Title, string Detail, string? Field = null, TimeSpan? RetryAfter = null, string? Language = null)
        : AskOutcome;
}
