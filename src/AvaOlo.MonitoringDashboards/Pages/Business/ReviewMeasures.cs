using System.Globalization;
using AvaOlo.Data;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Pages.Business;

/// <summary>One week of agronomist review: how many answers were reviewed, how long after the question, how many corrected.</summary>
public sealed record ReviewWeek(DateOnly Monday, long Reviewed, double? MedianSeconds, double? P90Seconds, long Corrected)
{
    /// <summary>Corrected (edited or answered by the expert) as a share of reviewed, e.g. "12.5 %"; "–" for an empty week.</summary>
    public string CorrectedShare => Reviewed == 0 ? "–" : (100.0 * Corrected / Reviewed).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}

/// <summary>
/// Time to review and the share of answers corrected, per ISO week (Monday to Sunday, UTC) of the review, for the last
/// <see cref="Weeks"/> weeks. Self-test and benchmark exchanges are never reviewed, so they do not dilute it.
/// </summary>
public static class ReviewMeasures
{
    public const int Weeks = 8;

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static async Task<IReadOnlyList<ReviewWeek>> ReadAsync(NpgsqlConnection conn, DateOnly today, CancellationToken ct)
    {
        var first = MondayOf(today).AddDays(-7 * (Weeks - 1));
        var rows = (await conn.ListAsync("""
            SELECT (date_trunc('week', reviewed_at AT TIME ZONE 'UTC'))::date, count(*),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM reviewed_at - created_at)),
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM reviewed_at - created_at)),
                   count(*) FILTER (WHERE review_state IN ('edited', 'expert_answered'))
            FROM conversations
            WHERE reviewed_at >= $1 AND review_state IN ('approved', 'edited', 'expert_answered')
            GROUP BY 1
            """, r => new ReviewWeek(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetDouble(2), r.GetDouble(3), r.GetInt64(4)), ct,
            Days.Start(first))).ToDictionary(w => w.Monday);
        return Enumerable.Range(0, Weeks).Select(i => first.AddDays(7 * i))
            .Select(m => rows.GetValueOrDefault(m) ?? new ReviewWeek(m, 0, null, null, 0)).ToList();
    }

    /// <summary>A duration as people read it: "45 s", "12 min", "3 h 20 min", "2 d 4 h"; "–" when there is none.</summary>
    public static string Duration(double? seconds)
    {
        if (seconds is not { } s || double.IsNaN(s) || s < 0) return "–";
        var t = TimeSpan.FromSeconds(Math.Round(s));
        return t.TotalMinutes < 1 ? $"{(int)t.TotalSeconds} s"
            : t.TotalHours < 1 ? $"{(int)t.TotalMinutes} min"
            : t.TotalDays < 1 ? (t.Minutes == 0 ? $"{(int)t.TotalHours} h" : $"{(int)t.TotalHours} h {t.Minutes} min")
            : t.Hours == 0 ? $"{(int)t.TotalDays} d" : $"{(int)t.TotalDays} d {t.Hours} h";
    }
}
