using System.Globalization;
using System.Text.Json;
using AvaOlo.Data;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Pages.Agronomic;

public sealed record Check(string Name, bool Passed, string? Detail);

public sealed record QueuedAnswer(long Id, DateTimeOffset At, string Question, string AnswerText, string Language, string? Country,
    string Method, string? Model, bool ChecksPassed, IReadOnlyList<Check> Checks, string ReviewState, string? ExpertAnswer, string? ReviewedBy,
    int Rank, int? FarmerId, string Channel)
{
    public QueueCursor Cursor => new(Rank, At, Id);

    /// <summary>Ranks 3–5: the answer drew on a product rule or harvest safety (pesticide and dose topics).</summary>
    public bool PesticideTopic => Rank is >= 3 and <= 5;
}

/// <summary>
/// The review queue: pending answers, risk first (conversations.review_rank, computed by the database), newest first
/// within a rank, read a page at a time by keyset over ix_conversations_review_queue.
/// </summary>
public static class ReviewQueue
{
    public const int PageSize = 20;
    /// <summary>The most answers one approval by filter covers (and the count shown for it).</summary>
    public const int BulkLimit = 10_000;
    private const string Columns = "id, created_at, question, answer, language, country_code, method, model, checks_passed, checks::text, " +
        "review_state, expert_answer, reviewed_by, review_rank, farmer_id, channel";
    private const string Pending = "review_state = 'pending'";

    public sealed record Page(IReadOnlyList<QueuedAnswer> Items, QueueCursor? Previous, QueueCursor? Next);

    /// <summary>The newest matching answers (Count of them, ids FromId..UpToId); More: older ones match too.</summary>
    public sealed record Matching(long Count, long FromId, long UpToId, bool More);

    public static async Task<Page> ReadAsync(NpgsqlConnection conn, ReviewFilter filter, QueueCursor? after, QueueCursor? before, CancellationToken ct)
    {
        var (conditions, args) = filter.ToSql(1);
        conditions.Insert(0, Pending);
        var backwards = before is not null && after is null;
        if ((backwards ? before : after) is { } c)
        {
            var (r, t, i) = (P(args.Count + 1), P(args.Count + 2), P(args.Count + 3));
            conditions.Add(backwards ? QueueCursor.Before(r, t, i) : QueueCursor.After(r, t, i));
            args.AddRange([c.Rank, c.At, c.Id]);
        }
        var order = backwards ? "review_rank DESC, created_at, id" : "review_rank, created_at DESC, id DESC";
        var rows = await conn.ListAsync($"SELECT {Columns} FROM conversations WHERE {string.Join(" AND ", conditions)} ORDER BY {order} LIMIT {PageSize + 1}",
            Read, ct, [.. args]);
        var more = rows.Count > PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (backwards) rows.Reverse();
        if (rows.Count == 0) return new([], null, null);
        return backwards
            ? new(rows, more ? rows[0].Cursor : null, rows[^1].Cursor)
            : new(rows, after is null ? null : rows[0].Cursor, more ? rows[^1].Cursor : null);
    }

    /// <summary>Pending answers in all (an index-only count over ix_conversations_pending).</summary>
    public static Task<long> PendingAsync(NpgsqlConnection conn, CancellationToken ct) =>
        conn.OneAsync($"SELECT count(*) FROM conversations WHERE {Pending}", r => r.GetInt64(0), ct);

    /// <summary>
    /// The newest pending answers matching the filters, at most <paramref name="limit"/>: how many, their id range (what
    /// an approval by filter may touch) and whether older ones match too. Bounded, because counting every match of a
    /// broad filter over a large queue reads all of it on each page view; the filter columns are in the pending index,
    /// so the filters other than crop and a named check are decided without visiting the table.
    /// </summary>
    public static async Task<Matching> MatchingAsync(NpgsqlConnection conn, ReviewFilter filter, int limit, CancellationToken ct)
    {
        var (conditions, args) = filter.ToSql(1);
        conditions.Insert(0, Pending);
        var l = limit.ToString(CultureInfo.InvariantCulture);
        return await conn.OneAsync(
            $"SELECT count(*) FILTER (WHERE n <= {l}), COALESCE(min(id) FILTER (WHERE n <= {l}), 0), COALESCE(max(id), 0), count(*) > {l} FROM " +
            $"(SELECT id, row_number() OVER (ORDER BY id DESC) AS n FROM conversations WHERE {string.Join(" AND ", conditions)} ORDER BY id DESC LIMIT {limit + 1}) m",
            r => new Matching(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetBoolean(3)), ct, [.. args]);
    }

    /// <summary>
    /// Approves the pending answers matching the filters within the id range the agronomist was shown with the count
    /// (from ≤ id ≤ upTo), in one statement: answers that arrived since, or older ones beyond the bound, stay pending, so
    /// nothing is approved unseen by the count.
    /// </summary>
    public static async Task<int> ApproveAllAsync(NpgsqlConnection conn, ReviewFilter filter, long from, long upTo, string by, DateTimeOffset at, CancellationToken ct)
    {
        var (conditions, args) = filter.ToSql(5);
        conditions.Insert(0, Pending);
        conditions.Add("id BETWEEN $1 AND $2");
        return await conn.ExecuteAsync(
            $"UPDATE conversations SET review_state = 'approved', reviewed_by = $3, reviewed_at = $4 WHERE {string.Join(" AND ", conditions)}",
            ct, [from, upTo, by, at, .. args]);
    }

    private static string P(int n) => "$" + n.ToString(CultureInfo.InvariantCulture);

    public static QueuedAnswer Read(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3),
        r.GetString(4), r.NullableString(5), r.GetString(6), r.NullableString(7), r.GetBoolean(8), ParseChecks(r.NullableString(9)),
        r.GetString(10), r.NullableString(11), r.NullableString(12), r.GetInt32(13), r.IsDBNull(14) ? null : r.GetInt32(14), r.GetString(15));

    /// <summary>The checks column: [{ name, passed, detail }]; anything else shows as no checks rather than failing the page.</summary>
    public static IReadOnlyList<Check> ParseChecks(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return [];
            return doc.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => new Check(
                e.TryGetProperty("name", out var n) ? n.ToString() : "check",
                e.TryGetProperty("passed", out var p) && p.ValueKind == JsonValueKind.True,
                e.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null)).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
