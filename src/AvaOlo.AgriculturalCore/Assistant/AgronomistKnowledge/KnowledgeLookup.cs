using AvaOlo.Data;
using AvaOlo.Data.Knowledge;
using Npgsql;
using NpgsqlTypes;

namespace AvaOlo.AgriculturalCore.Assistant.AgronomistKnowledge;

/// <summary>
/// The knowledge stage of the assistant: finds what agronomists taught for this question, for this farmer, their
/// country or everyone. One indexed read (the stems' GIN index narrows live entries to those sharing a word), then
/// <see cref="KnowledgeMatcher"/> decides.
/// </summary>
public sealed class KnowledgeLookup(NpgsqlDataSource data)
{
    // Newest first and capped: a popular word can be shared by many entries, and the newest are the likeliest answers.
    private const string Candidates = """
        SELECT id, scope, question_stems, answer, language, created_at FROM knowledge_entries
        WHERE retired_at IS NULL AND question_stems && $1
          AND (scope = 'global' OR (scope = 'country' AND country_code = $2) OR (scope = 'farmer' AND farmer_id = $3))
        ORDER BY created_at DESC, id DESC LIMIT 200
        """;

    public async Task<AgronomistNotes> FindAsync(AssistantRequest request, CancellationToken ct)
    {
        var stems = KnowledgeText.Stems(request.Question);
        if (stems.Length == 0) return AgronomistNotes.None;
        var candidates = await Sql.ListAsync(data, Candidates, static r => new KnowledgeCandidate(r.GetInt64(0), r.GetString(1),
            r.GetFieldValue<string[]>(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5)), ct,
            stems, Sql.Typed(request.CountryCode, NpgsqlDbType.Char), Sql.Typed(request.FarmerId, NpgsqlDbType.Integer));
        if (candidates.Count == 0) return AgronomistNotes.None;
        return new(Note(KnowledgeMatcher.Best(stems, candidates, request.Language)), Note(KnowledgeMatcher.Best(stems, candidates, null)));
    }

    private static AgronomistNote? Note(KnowledgeCandidate? c) => c is null ? null : new(c.Id, c.Scope, c.Answer, c.Language, c.CreatedAt);
}
