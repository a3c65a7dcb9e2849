using System.Text.Json;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.MonitoringDashboards.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Pages.Agronomic;

/// <summary>The agronomists' workbench: review the assistant's answers, see what farmers ask, and spot harvest risks.</summary>
[Authorize(Policy = Policies.Agronomic)]
public sealed class IndexModel(NpgsqlDataSource dataSource, AvaOloDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxAnswerLength = 8000;

    public sealed record Check(string Name, bool Passed, string? Detail);
    public sealed record Answer(long Id, DateTimeOffset At, string Question, string AnswerText, string Language, string? Country,
        string Method, string? Model, bool ChecksPassed, IReadOnlyList<Check> Checks, string ReviewState, string? ExpertAnswer, string? ReviewedBy);
    public sealed record TopicCount(string Language, string Topic, long Questions);
    public sealed record PhiRisk(int FieldId, string Field, string Crop, string Country, string Material, DateOnly SprayedOn,
        int PhiDays, DateOnly SafeFrom, DateOnly PlannedHarvest, string HarvestSource);

    public long PendingCount { get; private set; }
    public IReadOnlyList<Answer> Pending { get; private set; } = [];
    public IReadOnlyList<Answer> Reviewed { get; private set; } = [];
    public IReadOnlyList<TopicCount> Topics { get; private set; } = [];
    public IReadOnlyList<PhiRisk> Risks { get; private set; } = [];
    public ChartData LanguageChart { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        PendingCount = await conn.OneAsync("SELECT count(*) FROM conversations WHERE review_state = 'pending'", r => r.GetInt64(0), ct);
        const string columns = "id, created_at, question, answer, language, country_code, method, model, checks_passed, checks::text, review_state, expert_answer, reviewed_by";
        Pending = await conn.ListAsync($"SELECT {columns} FROM conversations WHERE review_state = 'pending' ORDER BY created_at DESC LIMIT 20", ReadAnswer, ct);
        Reviewed = await conn.ListAsync($"SELECT {columns} FROM conversations WHERE review_state <> 'pending' ORDER BY created_at DESC LIMIT 10", ReadAnswer, ct);

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

        Risks = await conn.ListAsync(PhiRiskSql, r => new PhiRisk(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
            r.GetFieldValue<DateOnly>(5), r.GetInt32(6), r.GetFieldValue<DateOnly>(7), r.GetFieldValue<DateOnly>(8), r.GetString(9)), ct, today);
    }

    /// <summary>
    /// Fields where a planned harvest falls inside a pre-harvest interval: a done task applied a material whose rule for
    /// the farmer's country and the planting's crop has a pre-harvest interval, and the planned harvest (a planned
    /// harvest task on the field, else the planting's expected_harvest_on) comes before the interval ends. Driven by
    /// the material rules and the crop_names reference data: no crop or country list in code here.
    /// </summary>
    private const string PhiRiskSql = """
        WITH sprays AS MATERIALIZED (
            SELECT DISTINCT t.farmer_id, tf.field_id, t.done_on, tm.material_id
            FROM task_materials tm JOIN tasks t ON t.id = tm.task_id JOIN task_fields tf ON tf.task_id = t.id
            -- Only sprayings whose longest interval has not ended yet can put a future harvest at risk.
            WHERE t.status = 'done' AND t.done_on > $1 - (SELECT COALESCE(max(pre_harvest_interval_days), 0) FROM material_rules)
              AND tm.material_id IN (SELECT material_id FROM material_rules WHERE pre_harvest_interval_days IS NOT NULL)),
        risks AS MATERIALIZED (
            SELECT s.field_id, s.material_id, s.done_on, p.crop_name, p.expected_harvest_on, f.country_code, r.pre_harvest_interval_days AS phi
            FROM sprays s
            JOIN farmers f ON f.id = s.farmer_id AND f.deleted_at IS NULL
            JOIN plantings p ON p.field_id = s.field_id AND p.harvested_on IS NULL AND p.status IN ('planned', 'growing')
            JOIN material_rules r ON r.material_id = s.material_id AND r.country_code = f.country_code
                 AND r.pre_harvest_interval_days IS NOT NULL
                 -- The planting's free-text crop ("pšenica") is the rule's crop ("wheat") by name or by a crop_names stem.
                 AND (lower(r.crop) = lower(p.crop_name)
                      OR EXISTS (SELECT 1 FROM crop_names cn WHERE cn.crop = r.crop AND lower(p.crop_name) LIKE cn.stem || '%')))
        SELECT x.field_id, fi.name, x.crop_name, x.country_code, m.name, x.done_on, x.phi, x.done_on + x.phi, x.harvest, x.source
        FROM (
            SELECT k.*, COALESCE(h.due_on, k.expected_harvest_on) AS harvest,
                   CASE WHEN h.due_on IS NOT NULL THEN 'harvest task' ELSE 'expected harvest' END AS source
            FROM risks k
            LEFT JOIN LATERAL (
                SELECT min(t2.due_on) AS due_on FROM task_fields tf2 JOIN tasks t2 ON t2.id = tf2.task_id
                WHERE tf2.field_id = k.field_id AND t2.status = 'planned' AND lower(t2.type) = 'harvest' AND t2.due_on >= k.done_on) h ON true
        ) x
        JOIN fields fi ON fi.id = x.field_id JOIN materials m ON m.id = x.material_id
        WHERE x.harvest >= $1 AND x.harvest < x.done_on + x.phi
        ORDER BY x.harvest, fi.id LIMIT 50
        """;

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct) =>
        Redirected(await ReviewAsync([id], ReviewStates.Approved, null, ct), "approved");

    public async Task<IActionResult> OnPostApproveManyAsync(long[] ids, CancellationToken ct) =>
        Redirected(await ReviewAsync(ids.Take(200).ToArray(), ReviewStates.Approved, null, ct), "approved");

    public async Task<IActionResult> OnPostEditAsync(long id, string? answer, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(answer) ? Redirected(0, "empty")
            : Redirected(await ReviewAsync([id], ReviewStates.Edited, answer, ct), "edited");

    public async Task<IActionResult> OnPostReplyAsync(long id, string? answer, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(answer) ? Redirected(0, "empty")
            : Redirected(await ReviewAsync([id], ReviewStates.ExpertAnswered, answer, ct), "replied");

    private async Task<int> ReviewAsync(long[] ids, string state, string? expertAnswer, CancellationToken ct)
    {
        var text = expertAnswer?.Trim();
        if (text is { Length: > MaxAnswerLength }) text = text[..MaxAnswerLength];
        var by = User.Identity?.Name ?? "unknown";
        var at = clock.GetUtcNow();
        return await db.Conversations.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.ReviewState, state)
            .SetProperty(c => c.ExpertAnswer, c => text ?? c.ExpertAnswer)
            .SetProperty(c => c.ReviewedBy, by)
            .SetProperty(c => c.ReviewedAt, at), ct);
    }

    private RedirectToPageResult Redirected(int count, string what) => RedirectToPage(new { done = $"{what}:{count}" });

    private static Answer ReadAnswer(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3),
        r.GetString(4), r.NullableString(5), r.GetString(6), r.NullableString(7), r.GetBoolean(8), ParseChecks(r.NullableString(9)),
        r.GetString(10), r.NullableString(11), r.NullableString(12));

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

    public string? DoneMessage => Done?.Split(':') is [var what, var n] ? what switch
    {
        "approved" => $"Approved {n} answer(s).",
        "edited" => $"Saved the corrected answer and approved it ({n}).",
        "replied" => $"Saved your expert reply ({n}).",
        "empty" => "Write the answer first: an empty answer was not saved.",
        _ => null,
    } : null;
}
