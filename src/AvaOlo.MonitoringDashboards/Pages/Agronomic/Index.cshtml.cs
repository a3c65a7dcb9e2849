using AvaOlo.Data;
using AvaOlo.MonitoringDashboards.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Pages.Agronomic;

/// <summary>The agronomists' workbench: review the assistant's answers, see what farmers ask, and spot harvest risks.</summary>
[Authorize(Policy = Policies.Agronomic)]
public sealed partial class IndexModel(NpgsqlDataSource dataSource, AvaOloDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxAnswerLength = 8000;

    public sealed record TopicCount(string Language, string Topic, long Questions);

    // The filters and the page position, all in the URL so a view can be shared and bookmarked.
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Crop { get; set; }
    [BindProperty(SupportsGet = true)] public string? Method { get; set; }
    [BindProperty(SupportsGet = true)] public string? Check { get; set; }
    [BindProperty(SupportsGet = true)] public string? Farmer { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public string? Before { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public ReviewFilter Filter { get; private set; } = new(null, null, null, null, null, null, null);
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public long PendingCount { get; private set; }
    public ReviewQueue.Matching Matching { get; private set; } = new(0, 0, 0, false);
    public ReviewQueue.Page Queue { get; private set; } = new([], null, null);
    public IReadOnlyList<QueuedAnswer> Reviewed { get; private set; } = [];
    /// <summary>The WhatsApp side (transcript, media) of the queue's exchanges that came by WhatsApp.</summary>
    public IReadOnlyDictionary<long, ChannelExchange> Exchanges { get; private set; } = new Dictionary<long, ChannelExchange>();
    /// <summary>WhatsApp delivery of the reviewed exchanges' expert texts, by conversation id.</summary>
    public IReadOnlyDictionary<long, ExpertDelivery> Deliveries { get; private set; } = new Dictionary<long, ExpertDelivery>();
    public IReadOnlyList<TopicCount> Topics { get; private set; } = [];
    public IReadOnlyList<PhiRisk> Risks { get; private set; } = [];
    public IReadOnlyList<KnowledgeRow> Knowledge { get; private set; } = [];
    public ChartData LanguageChart { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (filter, errors) = ParseFilter();
        QueueCursor? after = null, before = null;
        if (After is not null) { if (QueueCursor.TryParse(After, out var a)) after = a; else errors["after"] = "is not a position in the queue"; }
        if (Before is not null) { if (QueueCursor.TryParse(Before, out var b)) before = b; else errors["before"] = "is not a position in the queue"; }
        Filter = filter;
        Errors = errors;
        // A program that asked for JSON gets problem details naming each field; a person gets the page, naming them too.
        if (errors.Count > 0 && Negotiation.WantsJson(Request.Headers.Accept)) return Invalid(errors);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        PendingCount = await ReviewQueue.PendingAsync(conn, ct);
        if (errors.Count == 0)
        {
            Queue = await ReviewQueue.ReadAsync(conn, filter, after, before, ct);
            Matching = await ReviewQueue.MatchingAsync(conn, filter, ReviewQueue.BulkLimit, ct);
            Exchanges = await ChannelExchange.ReadAsync(conn, Queue.Items.Select(i => i.Id).ToArray(), ct);
        }
        Reviewed = await conn.ListAsync(
            "SELECT id, created_at, question, answer, language, country_code, method, model, checks_passed, checks::text, review_state, expert_answer, " +
            "reviewed_by, review_rank, farmer_id, channel FROM conversations WHERE reviewed_at IS NOT NULL ORDER BY reviewed_at DESC LIMIT 10", ReviewQueue.Read, ct);
        Deliveries = await ExpertDelivery.ReadAsync(conn, Reviewed, ct);
        Knowledge = await conn.ListAsync(KnowledgeRow.Latest, KnowledgeRow.Read, ct);
        await ReadInsightsAsync(conn, today, ct);
        if (errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private (ReviewFilter Filter, Dictionary<string, string> Errors) ParseFilter() =>
        ReviewFilter.Parse(Channel, Language, Country, Crop, Method, Check, Farmer);

    private async Task ReadInsightsAsync(NpgsqlConnection conn, DateOnly today, CancellationToken ct)
    {
        var start = today.AddDays(-29);
        Topics = await conn.ListAsync("""
            SELECT language, topic, sum(questions)::bigint FROM (
                SELECT language, topic, questions FROM question_days WHERE day >= $1
                UNION ALL
                SELECT language, COALESCE(NULLIF(sources -> 0 ->> 'type', ''), 'general'), 1 FROM conversations WHERE created_at >= $2
            ) q GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 40
            """, r => new TopicCount(r.GetString(0), r.GetString(1), r.GetInt64(2)), ct, start, Days.Start(today));
        var byLanguage = Topics.GroupBy(t => t.Language).Select(g => (g.Key, g.Sum(t => t.Questions))).OrderByDescending(x => x.Item2).ToList();
        LanguageChart = new("chart-languages", "Questions by language (30 days)", "bar", byLanguage.Select(x => x.Key).ToList(),
            [new("Questions", byLanguage.Select(x => (double?)x.Item2).ToList())]);
        Risks = await conn.ListAsync(PhiRisks.Sql, r => new PhiRisk(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
            r.GetFieldValue<DateOnly>(5), r.GetInt32(6), r.GetFieldValue<DateOnly>(7), r.GetFieldValue<DateOnly>(8), r.GetString(9)), ct, today);
    }

    /// <summary>This page's URL with the current filters and the given page position.</summary>
    public string Link(QueueCursor? after = null, QueueCursor? before = null)
    {
        var query = Filter.ToQuery();
        query["after"] = after?.ToString();
        query["before"] = before?.ToString();
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/agronomic", query.Where(kv => kv.Value is not null)!);
    }
}
