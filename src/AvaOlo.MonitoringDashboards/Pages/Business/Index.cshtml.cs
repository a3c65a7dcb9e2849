using AvaOlo.Data;
using AvaOlo.MonitoringDashboards.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Pages.Business;

[Authorize(Policy = Policies.Business)]
public sealed class IndexModel(NpgsqlDataSource dataSource, TimeProvider clock) : PageModel
{
    public sealed record Total(string Name, string Id, decimal Now, decimal Ago24h, decimal Ago7d, decimal Ago30d);
    public sealed record Share(string Key, long Count);
    public sealed record Activity(DateTimeOffset At, string Channel, string Language, string? Country, string Method, string ReviewState);

    public int Farmers { get; private set; }
    public decimal Hectares { get; private set; }
    public IReadOnlyList<Total> Totals { get; private set; } = [];
    public IReadOnlyList<Share> ByCountry { get; private set; } = [];
    public IReadOnlyList<Share> ByLanguage { get; private set; } = [];
    public long QuestionsToday { get; private set; }
    public long ActiveFarmersToday { get; private set; }
    public long NewFarmersToday { get; private set; }
    public long ModelCallsToday { get; private set; }
    public IReadOnlyList<ChannelActivity> ByChannel { get; private set; } = [];
    public IReadOnlyList<Activity> Recent { get; private set; } = [];
    public IReadOnlyList<ReviewWeek> Reviews { get; private set; } = [];
    public ChartData NewFarmersChart { get; private set; } = null!;
    public ChartData QuestionsChart { get; private set; } = null!;
    public ChartData CropsChart { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var todayStart = Days.Start(today);
        var days = Days.Last(today, 30);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        object?[] ago = [now.AddDays(-1), now.AddDays(-7), now.AddDays(-30)];

        // Deleted farmers are left out, with their fields: the totals are today's farmer base and how it grew.
        var farmers = await conn.OneAsync("""
            SELECT count(*), count(*) FILTER (WHERE created_at <= $1), count(*) FILTER (WHERE created_at <= $2),
                   count(*) FILTER (WHERE created_at <= $3) FROM farmers WHERE deleted_at IS NULL
            """, r => new Total("Farmers", "farmers", r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), ct, ago);
        var hectares = await conn.OneAsync("""
            SELECT COALESCE(sum(fi.area_ha), 0), COALESCE(sum(fi.area_ha) FILTER (WHERE fi.created_at <= $1), 0),
                   COALESCE(sum(fi.area_ha) FILTER (WHERE fi.created_at <= $2), 0), COALESCE(sum(fi.area_ha) FILTER (WHERE fi.created_at <= $3), 0)
            FROM fields fi JOIN farmers f ON f.id = fi.farmer_id AND f.deleted_at IS NULL
            """, r => new Total("Hectares", "hectares", r.GetDecimal(0), r.GetDecimal(1), r.GetDecimal(2), r.GetDecimal(3)), ct, ago);
        Totals = [farmers, hectares];
        Farmers = (int)farmers.Now;
        Hectares = hectares.Now;

        var newPerDay = (await conn.ListAsync("""
            SELECT (created_at AT TIME ZONE 'UTC')::date, count(*) FROM farmers
            WHERE deleted_at IS NULL AND created_at >= $1 GROUP BY 1
            """, r => (Day: r.GetFieldValue<DateOnly>(0), Count: r.GetInt64(1)), ct, Days.Start(days[0]))).ToDictionary(x => x.Day, x => x.Count);
        NewFarmersToday = newPerDay.GetValueOrDefault(today);
        NewFarmersChart = new("chart-new-farmers", "New farmers per day (30 days)", "bar", Days.Labels(days),
            [new("New farmers", days.Select(d => (double?)newPerDay.GetValueOrDefault(d)).ToList())]);

        ByCountry = await conn.ListAsync("SELECT country_code, count(*) FROM farmers WHERE deleted_at IS NULL GROUP BY 1 ORDER BY 2 DESC, 1",
            r => new Share(r.GetString(0), r.GetInt64(1)), ct);
        ByLanguage = await conn.ListAsync("""
            SELECT COALESCE(preferred_language, '(not set)'), count(*) FROM farmers WHERE deleted_at IS NULL GROUP BY 1 ORDER BY 2 DESC, 1
            """, r => new Share(r.GetString(0), r.GetInt64(1)), ct);

        var crops = await conn.ListAsync("""
            SELECT lower(p.crop_name), sum(fi.area_ha) FROM plantings p
            JOIN fields fi ON fi.id = p.field_id JOIN farmers f ON f.id = p.farmer_id AND f.deleted_at IS NULL
            WHERE p.season_year = $1 GROUP BY 1 ORDER BY 2 DESC LIMIT 12
            """, r => (Crop: r.GetString(0), Ha: r.GetDecimal(1)), ct, today.Year);
        CropsChart = new("chart-crops", $"Hectares by crop, season {today.Year}", "bar", crops.Select(c => c.Crop).ToList(),
            [new("Hectares", crops.Select(c => (double?)Math.Round((double)c.Ha, 2)).ToList())]);

        // Closed days come from the daily rollup; today is counted live.
        var closed = (await conn.ListAsync("SELECT day, questions, active_farmers FROM activity_days WHERE day >= $1",
            r => (Day: r.GetFieldValue<DateOnly>(0), Q: r.GetInt64(1), A: r.GetInt64(2)), ct, days[0])).ToDictionary(x => x.Day);
        (QuestionsToday, ActiveFarmersToday, ByChannel) = await ChannelActivity.ReadAsync(conn, todayStart, ct);
        ModelCallsToday = await conn.OneAsync("SELECT count(*) FROM llm_debug_log WHERE created_at >= $1", r => r.GetInt64(0), ct, todayStart);
        closed[today] = (today, QuestionsToday, ActiveFarmersToday);
        QuestionsChart = new("chart-questions", "Questions and active farmers per day (30 days)", "line", Days.Labels(days),
        [
            new("Questions", days.Select(d => closed.TryGetValue(d, out var x) ? (double?)x.Q : null).ToList()),
            new("Active farmers", days.Select(d => closed.TryGetValue(d, out var x) ? (double?)x.A : null).ToList()),
        ]);

        Reviews = await ReviewMeasures.ReadAsync(conn, today, ct);

        // Anonymised: no farmer id, name or message text, only what kind of exchange happened.
        Recent = await conn.ListAsync("""
            SELECT created_at, channel, language, country_code, method, review_state FROM conversations ORDER BY created_at DESC LIMIT 15
            """, r => new Activity(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.NullableString(3), r.GetString(4), r.GetString(5)), ct);
    }
}
