using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.MonitoringDashboards.Auth;
using AvaOlo.MonitoringDashboards.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Pages.Admin;

/// <summary>Operations: users and roles, API keys, alarms, live service metrics, model usage, database and configuration.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed partial class IndexModel(AvaOloDbContext db, NpgsqlDataSource dataSource, MetricsQuery metrics, IOptions<DashboardOptions> options,
    EffectiveConfiguration configuration, TimeProvider clock) : PageModel
{
    public sealed record UsageDay(DateOnly Day, long Calls, long Failures, long Tokens, double? AvgLatencyMs, decimal Cost);
    public sealed record Violation(long Id, DateTimeOffset At, string Language, string? Country, string FailedChecks);
    public sealed record TableSize(string Table, long Rows, long Bytes);

    public IReadOnlyList<(string Role, int Count)> UsersByRole { get; private set; } = [];
    public IReadOnlyList<User> Users { get; private set; } = [];
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public int ActiveApiKeys { get; private set; }
    public IReadOnlyList<AlarmState> Alarms { get; private set; } = [];
    public IReadOnlyList<AlarmTransition> AlarmHistory { get; private set; } = [];
    public MetricsSummary Live { get; private set; } = null!;
    public ChartData LiveChart { get; private set; } = null!;
    public IReadOnlyList<UsageDay> Usage { get; private set; } = [];
    public ChartData UsageChart { get; private set; } = null!;
    public IReadOnlyList<Violation> Violations { get; private set; } = [];
    public long ViolationsToday { get; private set; }
    public IReadOnlyList<TableSize> Tables { get; private set; } = [];
    public (long Used, int Max) Connections { get; private set; }
    public IReadOnlyList<(string Name, string Value)> Configuration { get; private set; } = [];
    public IReadOnlyList<ChannelFigures> Channels { get; private set; } = [];
    public decimal PricePer1k => options.Value.PricePer1kTokens;

    /// <summary>A key just made: shown on this response only, never stored or shown again.</summary>
    public string? NewKey { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var counts = await db.Users.AsNoTracking().Where(u => u.DisabledAt == null)
            .GroupBy(u => u.Role).Select(g => new { Role = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Role, x => x.Count, ct);
        UsersByRole = UserRoles.All.Select(r => (r, counts.GetValueOrDefault(r))).ToList();
        Users = await db.Users.AsNoTracking().OrderBy(u => u.Username).Take(200).ToListAsync(ct);
        Keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt).Take(100).ToListAsync(ct);
        ActiveApiKeys = await db.ApiKeys.AsNoTracking().CountAsync(k => k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), ct);
        Alarms = await db.AlarmStates.AsNoTracking().OrderBy(a => a.Service).ThenBy(a => a.Alarm).ToListAsync(ct);
        AlarmHistory = await db.AlarmTransitions.AsNoTracking().OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(20).ToListAsync(ct);

        Live = await metrics.GetAsync(MetricsWindow.Parse("1h")!, null, ct);
        LiveChart = new("chart-live", "Requests and p99 latency per minute, last hour (all services)", "line",
            Live.Series.Select(p => p.T.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            [new("Requests", Live.Series.Select(p => (double?)p.Requests).ToList()), new("p99 ms", Live.Series.Select(p => p.P99Ms).ToList(), "y1")]);

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await LoadUsageAsync(conn, now, ct);
        Tables = await conn.ListAsync("""
            SELECT relname, n_live_tup, pg_total_relation_size(relid) FROM pg_stat_user_tables ORDER BY 3 DESC LIMIT 15
            """, r => new TableSize(r.GetString(0), r.GetInt64(1), r.GetInt64(2)), ct);
        Connections = await conn.OneAsync("""
            SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()), current_setting('max_connections')::int
            """, r => (r.GetInt64(0), r.GetInt32(1)), ct);
        Configuration = configuration.Read();
        Channels = await Channel.ChannelHealthFigures.ReadAsync(dataSource, now, ct);
    }

    private async Task LoadUsageAsync(NpgsqlConnection conn, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var days = Days.Last(today, 14);
        var closed = (await conn.ListAsync("""
            SELECT day, llm_calls, llm_failures, prompt_tokens + completion_tokens, llm_latency_sum_ms FROM activity_days WHERE day >= $1
            """, r => (Day: r.GetFieldValue<DateOnly>(0), Calls: r.GetInt64(1), Fails: r.GetInt64(2), Tokens: r.GetInt64(3), Lat: r.GetDouble(4)),
            ct, days[0])).ToDictionary(x => x.Day);
        closed[today] = await conn.OneAsync("""
            SELECT count(*), count(*) FILTER (WHERE NOT success), COALESCE(sum(COALESCE(prompt_tokens, 0) + COALESCE(completion_tokens, 0)), 0)::bigint,
                   COALESCE(sum(latency_ms), 0)::double precision
            FROM llm_debug_log WHERE created_at >= $1
            """, r => (today, r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetDouble(3)), ct, Days.Start(today));
        Usage = days.Select(d => closed.TryGetValue(d, out var x)
            ? new UsageDay(d, x.Calls, x.Fails, x.Tokens, x.Calls == 0 ? null : Math.Round(x.Lat / x.Calls), options.Value.Cost(x.Tokens))
            : new UsageDay(d, 0, 0, 0, null, 0)).ToList();
        UsageChart = new("chart-usage", "Model calls and failures per day (14 days)", "bar", Days.Labels(days),
            [new("Calls", Usage.Select(u => (double?)u.Calls).ToList()), new("Failures", Usage.Select(u => (double?)u.Failures).ToList())]);
        ViolationsToday = await conn.OneAsync("SELECT count(*) FROM conversations WHERE checks_passed = false AND created_at >= $1",
            r => r.GetInt64(0), ct, Days.Start(today));
        Violations = await conn.ListAsync("""
            SELECT id, created_at, language, country_code,
                   COALESCE((SELECT string_agg(e ->> 'name', ', ') FROM jsonb_array_elements(CASE WHEN jsonb_typeof(checks) = 'array' THEN checks ELSE '[]'::jsonb END) e
                             WHERE e ->> 'passed' = 'false'), '')
            FROM conversations WHERE checks_passed = false ORDER BY created_at DESC LIMIT 10
            """, r => new Violation(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.NullableString(3), r.GetString(4)), ct);
    }
}
