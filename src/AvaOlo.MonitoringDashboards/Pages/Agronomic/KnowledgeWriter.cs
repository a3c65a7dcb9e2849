using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Data.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.MonitoringDashboards.Pages.Agronomic;

/// <summary>
/// Keeps an agronomist's correction as knowledge at the scope they pick. Whom it is for comes from the reviewed
/// conversation in the database — its farmer, its country — never from the form, so a forged post can only choose
/// among the scopes of an exchange that exists. A newer entry for the same question and target retires the older one.
/// </summary>
public static class KnowledgeWriter
{
    public enum Outcome { Saved, NoSuchConversation, NoFarmer, NoCountry }

    /// <summary>"" (not kept), farmer, country or global; anything else is refused with this reason.</summary>
    public static string? ScopeProblem(string? scope) =>
        string.IsNullOrEmpty(scope) || KnowledgeScopes.All.Contains(scope) ? null : $"must be empty or one of {string.Join(", ", KnowledgeScopes.All)}";

    public static async Task<Outcome> SaveAsync(AvaOloDbContext db, long conversationId, string scope, string answer, string by, DateTimeOffset at, CancellationToken ct)
    {
        var c = await db.Conversations.Where(x => x.Id == conversationId)
            .Select(x => new { x.FarmerId, x.CountryCode, x.Question, x.Language }).SingleOrDefaultAsync(ct);
        if (c is null) return Outcome.NoSuchConversation;
        if (scope == KnowledgeScopes.Farmer && c.FarmerId is null) return Outcome.NoFarmer;
        if (scope == KnowledgeScopes.Country && c.CountryCode is null) return Outcome.NoCountry;
        var farmerId = scope == KnowledgeScopes.Farmer ? c.FarmerId : null;
        var country = scope == KnowledgeScopes.Country ? c.CountryCode : null;
        var stems = KnowledgeText.Stems(c.Question);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.KnowledgeEntries
            .Where(k => k.RetiredAt == null && k.Scope == scope && k.FarmerId == farmerId && k.CountryCode == country && k.QuestionStems == stems)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, at), ct);
        db.KnowledgeEntries.Add(new KnowledgeEntry
        {
            Scope = scope, FarmerId = farmerId, CountryCode = country, Question = c.Question, QuestionStems = stems, Answer = answer,
            Language = c.Language, CreatedBy = by, CreatedAt = at, ConversationId = conversationId,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Saved;
    }
}

/// <summary>A live knowledge entry as the workbench lists it, newest first, so a wrong one can be retired.</summary>
public sealed record KnowledgeRow(long Id, string Scope, int? FarmerId, string? Country, string Question, string Answer, string Language, string By, DateTimeOffset At)
{
    public const string Latest = "SELECT id, scope, farmer_id, country_code, question, answer, language, created_by, created_at " +
        "FROM knowledge_entries WHERE retired_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 20";

    public string For => Scope switch { "farmer" => $"farmer {FarmerId}", "country" => $"farmers in {Country}", _ => "everyone" };

    public static KnowledgeRow Read(Npgsql.NpgsqlDataReader r) => new(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2),
        r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetFieldValue<DateTimeOffset>(8));
}

/// <summary>The scope picker under a correction: its element id and what the exchange allows.</summary>
public sealed record KnowledgeScopeChoice(string Id, int? FarmerId, string? Country);
