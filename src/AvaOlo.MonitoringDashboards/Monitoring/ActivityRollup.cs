using AvaOlo.Data;
using AvaOlo.Data.Hosting;
using AvaOlo.ServiceDefaults.Telemetry;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Monitoring;

/// <summary>
/// Keeps activity_days and question_days up to date for closed days (UTC), so the 30-day charts read 30 rows.
/// Each day is computed once, after it ends, under an advisory lock (one dashboards instance does it). "Topic" is
/// the type of the first source an answer used (field, task, material…), else "general": no crop or keyword lists.
/// </summary>
public sealed class ActivityRollup(NpgsqlDataSource dataSource, TimeProvider clock, TelemetryOptions background, ILogger<ActivityRollup> log) : BackgroundService
{
    public const int DaysKept = 60;
    private const long LockKey = 0x4156414F4C4F02;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!background.BackgroundJobs) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RefreshAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Activity rollup failed: {Reason}", DatabaseErrors.Describe(e));
            }
            try { await Task.Delay(TimeSpan.FromMinutes(10), clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Computes every closed day of the last DaysKept that is missing; returns how many were computed.</summary>
    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (!await conn.OneAsync("SELECT pg_try_advisory_xact_lock($1)", r => r.GetBoolean(0), ct, LockKey)) return 0;
        var have = (await conn.ListAsync("SELECT day FROM activity_days WHERE day >= $1", r => r.GetFieldValue<DateOnly>(0), ct, today.AddDays(-DaysKept))).ToHashSet();
        var computed = 0;
        for (var day = today.AddDays(-DaysKept); day < today; day = day.AddDays(1))
        {
            if (have.Contains(day)) continue;
            await ComputeDayAsync(conn, day, ct);
            computed++;
        }
        await tx.CommitAsync(ct);
        return computed;
    }

    private static async Task ComputeDayAsync(NpgsqlConnection conn, DateOnly day, CancellationToken ct)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await conn.ExecuteAsync("""
            INSERT INTO activity_days (day, questions, active_farmers, failed_checks, llm_calls, llm_failures, prompt_tokens,
                                       completion_tokens, llm_latency_sum_ms, computed_at)
            SELECT $1, c.q, c.af, c.fc, l.calls, l.fails, l.pt, l.ct, l.lat, now()
            FROM (SELECT count(*) q, count(DISTINCT farmer_id) af, count(*) FILTER (WHERE NOT checks_passed) fc
                  FROM conversations WHERE created_at >= $2 AND created_at < $3) c,
                 (SELECT count(*) calls, count(*) FILTER (WHERE NOT success) fails, COALESCE(sum(prompt_tokens), 0) pt,
                         COALESCE(sum(completion_tokens), 0) ct, COALESCE(sum(latency_ms), 0)::double precision lat
                  FROM llm_debug_log WHERE created_at >= $2 AND created_at < $3) l
            ON CONFLICT (day) DO NOTHING
            """, ct, day, start, start.AddDays(1));
        await conn.ExecuteAsync("DELETE FROM question_days WHERE day = $1", ct, day);
        await conn.ExecuteAsync("""
            INSERT INTO question_days (day, language, country_code, topic, questions)
            SELECT $1, language, COALESCE(country_code, '--'), LEFT(COALESCE(NULLIF(sources -> 0 ->> 'type', ''), 'general'), 64), count(*)
            FROM conversations WHERE created_at >= $2 AND created_at < $3 GROUP BY 2, 3, 4
            """, ct, day, start, start.AddDays(1));
    }
}
