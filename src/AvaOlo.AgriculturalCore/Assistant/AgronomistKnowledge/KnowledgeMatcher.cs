using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.Assistant.AgronomistKnowledge;

/// <summary>A live knowledge entry that shares at least one stem with the question (what the lookup reads).</summary>
public sealed record KnowledgeCandidate(long Id, string Scope, IReadOnlyCollection<string> Stems, string Answer, string Language, DateTimeOffset CreatedAt);

/// <summary>
/// Which agronomist entry answers a question. Deliberately strict — a wrong correction is worse than none: the question
/// must be the same one up to word endings, order, punctuation, diacritics and at most ONE extra or missing word
/// (<see cref="Data.Knowledge.KnowledgeText.Stems"/> on both sides). "…Prosaro in wheat" never matches "…Prosaro in
/// barley": a swapped word differs on both sides. Among matches the narrowest scope wins (FARMER → COUNTRY → GLOBAL),
/// then the closer question, then the newer entry.
/// </summary>
public static class KnowledgeMatcher
{
    /// <summary>Jaccard similarity of the two stem sets when they are "the same question", else null.</summary>
    public static double? Similarity(IReadOnlyCollection<string> question, IReadOnlyCollection<string> entry)
    {
        if (question.Count == 0 || entry.Count == 0) return null;
        var shared = question.Count(entry.Contains);
        var union = question.Count + entry.Count - shared;
        var differing = union - shared;
        // One-word questions must be identical; otherwise at least two shared words and one difference at most.
        if (differing > 1 || (differing == 1 && shared < 2)) return null;
        return (double)shared / union;
    }

    /// <param name="language">Only entries in this language (the rule-based path, which cannot translate); null: any.</param>
    public static KnowledgeCandidate? Best(IReadOnlyCollection<string> questionStems, IEnumerable<KnowledgeCandidate> candidates, string? language) =>
        candidates
            .Where(c => language is null || c.Language == language)
            .Select(c => (Candidate: c, Score: Similarity(questionStems, c.Stems)))
            .Where(x => x.Score is not null)
            .OrderBy(x => ScopeRank(x.Candidate.Scope)).ThenByDescending(x => x.Score).ThenByDescending(x => x.Candidate.CreatedAt).ThenByDescending(x => x.Candidate.Id)
            .Select(x => x.Candidate)
            .FirstOrDefault();

    private static int ScopeRank(string scope) => Array.IndexOf(KnowledgeScopes.All, scope) is var i and >= 0 ? i : KnowledgeScopes.All.Length;
}
