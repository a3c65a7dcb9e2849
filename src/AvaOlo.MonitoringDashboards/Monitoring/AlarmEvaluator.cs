using System.Net.Http.Json;
using AvaOlo.ServiceDefaults.Telemetry;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Monitoring;

/// <summary>
/// Every minute, evaluates the four alarm rules per service on the rollups of the last complete minute.
/// One dashboards instance does it per minute: a transaction-scoped advisory lock, plus a check that the
/// minute was not evaluated already. Transitions are stored, logged and POSTed to ALARM_WEBHOOK_URL when set.
/// </summary>
public sealed class AlarmEvaluator(
    NpgsqlDataSource dataSource, AlarmThresholds thresholds, TimeProvider clock, IHttpClientFactory http,
    IConfiguration config, TelemetryOptions background, ILogger<AlarmEvaluator> log) : BackgroundService
{
    public static readonly string[] KnownServices = ["ava-olo-agricultural-core", "ava-olo-monitoring-dashboards"];
    private const long LockKey = 0x4156414F4C4F01; // "AVAOLO" + 1

    public sealed record Transition(string Alarm, string Service, string From, string To, double? Value, string Reason, DateTimeOffset At);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!background.BackgroundJobs) return;
        // 15 s past the minute: every instance's flush (1 s past) has landed.
        while (await MinuteAggregator.WaitForNextMinuteAsync(clock, TimeSpan.FromSeconds(15), stoppingToken))
        {
            try { await EvaluateAsync(MinuteAggregator.MinuteOf(clock.GetUtcNow()).AddMinutes(-1), stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Alarm evaluation failed: {Reason}", ServiceDefaults.DatabaseErrors.Describe(e));
            }
        }
    }

    /// <summary>Evaluates every rule for the complete minute starting at <paramref name="minute"/>; returns the transitions.</summary>
    public async Task<IReadOnlyList<Transition>> EvaluateAsync(DateTimeOffset minute, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (!await Scalar<bool>(conn, tx, "SELECT pg_try_advisory_xact_lock(@k)", ("k", LockKey), ct)) return [];
        var figures = await FiguresAsync(conn, tx, minute, ct);
        var previous = await StatesAsync(conn, tx, ct);
        var services = KnownServices.Union(figures.Keys).Order(StringComparer.Ordinal);
        var transitions = new List<Transition>();
        foreach (var service in services)
        {
            var recent = figures.GetValueOrDefault(service) ?? [];
            foreach (var rule in AlarmRules.All)
            {
                (string State, DateTimeOffset Evaluated)? before = previous.TryGetValue((rule, service), out var found) ? found : null;
                if (before is { } b && b.Evaluated >= minute) continue; // another instance did this minute
                var outcome = AlarmRules.Evaluate(rule, thresholds, minute, recent);
                var changed = AlarmRules.IsTransition(before?.State, outcome.State);
                await ExecuteAsync(conn, tx, """
                    INSERT INTO alarm_states (alarm, service, state, value, reason, since, evaluated_minute)
                    VALUES (@a, @s, @state, @v, @r, @since, @m)
                    ON CONFLICT (alarm, service) DO UPDATE SET state = excluded.state, value = excluded.value, reason = excluded.reason,
                        since = CASE WHEN alarm_states.state = excluded.state THEN alarm_states.since ELSE excluded.since END,
                        evaluated_minute = excluded.evaluated_minute
                    """, ct, ("a", rule), ("s", service), ("state", outcome.State), ("v", (object?)outcome.Value ?? DBNull.Value),
                    ("r", outcome.Reason), ("since", minute.AddMinutes(1)), ("m", minute));
                if (!changed) continue;
                var t = new Transition(rule, service, before?.State ?? AlarmStates.InsufficientData, outcome.State, outcome.Value, outcome.Reason, minute.AddMinutes(1));
                if (before is null && outcome.State != AlarmStates.Alarm) continue; // first sight: only an ALARM is news
                await ExecuteAsync(conn, tx, """
                    INSERT INTO alarm_transitions (alarm, service, from_state, to_state, value, reason, at) VALUES (@a, @s, @f, @t, @v, @r, @at)
                    """, ct, ("a", rule), ("s", service), ("f", t.From), ("t", t.To), ("v", (object?)t.Value ?? DBNull.Value), ("r", t.Reason), ("at", t.At));
                transitions.Add(t);
            }
        }
        await tx.CommitAsync(ct);
        foreach (var t in transitions)
        {
            log.Log(t.To == AlarmStates.Alarm ? LogLevel.Error : LogLevel.Warning,
                "Alarm {Alarm} for {Service}: {FromState} -> {ToState} ({Reason})", t.Alarm, t.Service, t.From, t.To, t.Reason);
            await NotifyAsync(t, ct);
        }
        return transitions;
    }

    private async Task NotifyAsync(Transition t, CancellationToken ct)
    {
        var url = config["ALARM_WEBHOOK_URL"];
        if (string.IsNullOrWhiteSpace(url)) return;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await http.CreateClient("alarms").PostAsJsonAsync(url, new
            {
                alarm = t.Alarm, service = t.Service, from = t.From, to = t.To, value = t.Value, reason = t.Reason, at = t.At,
                text = $"AVA OLO alarm {t.Alarm} ({t.Service}): {t.From} -> {t.To}. {t.Reason}",
            }, timeout.Token);
            if (!response.IsSuccessStatusCode) log.LogWarning("Alarm webhook answered {Status}", (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            log.LogWarning("Alarm webhook failed: {Error}", e.GetType().Name);
        }
    }

    private static async Task<Dictionary<string, List<MinuteFigures>>> FiguresAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DateTimeOffset minute, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT service, minute, requests, http_5xx, latency_buckets, db_connection_errors, constitutional_violations
            FROM metric_minutes WHERE minute > @from AND minute <= @to
            """, conn, tx);
        cmd.Parameters.AddWithValue("from", minute.AddMinutes(-5));
        cmd.Parameters.AddWithValue("to", minute);
        var rows = new List<(string Service, DateTimeOffset Minute, long Req, long E5, long[] B, long Db, long V)>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                rows.Add((r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), r.GetInt64(2), r.GetInt64(3), r.GetFieldValue<long[]>(4), r.GetInt64(5), r.GetInt64(6)));
        return rows.GroupBy(x => x.Service).ToDictionary(g => g.Key, g => g.GroupBy(x => x.Minute)
            .Select(m => new MinuteFigures(m.Key, m.Sum(x => x.Req), m.Sum(x => x.E5), LatencyBuckets.Merge(m.Select(x => x.B)), m.Sum(x => x.Db), m.Sum(x => x.V)))
            .ToList());
    }

    private static async Task<Dictionary<(string, string), (string State, DateTimeOffset Evaluated)>> StatesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT alarm, service, state, evaluated_minute FROM alarm_states FOR UPDATE", conn, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var states = new Dictionary<(string, string), (string, DateTimeOffset)>();
        while (await r.ReadAsync(ct)) states[(r.GetString(0), r.GetString(1))] = (r.GetString(2), r.GetFieldValue<DateTimeOffset>(3));
        return states;
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, (string, object) p, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        cmd.Parameters.AddWithValue(p.Item1, p.Item2);
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params (string, object)[] ps)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var (k, v) in ps) cmd.Parameters.AddWithValue(k, v);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
