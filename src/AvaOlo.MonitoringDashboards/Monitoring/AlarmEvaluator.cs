using System.Net.Http.Json;
using AvaOlo.ServiceDefaults.Telemetry;
using AvaOlo.Data;
using AvaOlo.Data.Hosting;
using Npgsql;
using Microsoft.Extensions.Options;
using NpgsqlTypes;

namespace AvaOlo.MonitoringDashboards.Monitoring;

/// <summary>
/// Every minute, evaluates the alarm rules (AlarmRules.For) per service on the rollups of the last complete minute.
/// One dashboards instance does it per minute: a transaction-scoped advisory lock, plus a check that the
/// minute was not evaluated already. Transitions are stored, logged and POSTed to ALARM_WEBHOOK_URL when set.
/// </summary>
public sealed class AlarmEvaluator(
    NpgsqlDataSource dataSource, IOptions<AlarmThresholds> alarms, IOptions<DashboardOptions> options, TimeProvider clock, IHttpClientFactory http,
    TelemetryOptions background, ILogger<AlarmEvaluator> log) : BackgroundService
{
    public static readonly string[] KnownServices = ["ava-olo-agricultural-core", "ava-olo-monitoring-dashboards"];
    private const long LockKey = 0x4156414F4C4F01; // "AVAOLO" + 1

    public sealed record Transition(string Alarm, string Service, string From, string To, double? Value, string Reason, DateTimeOffset At);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!background.BackgroundJobs) return;
        // 15 s past the minute: every instance's flush (1 s past) has landed.
        while (await Minutes.WaitForNextAsync(clock, TimeSpan.FromSeconds(15), stoppingToken))
        {
            try { await EvaluateAsync(Minutes.Of(clock.GetUtcNow()).AddMinutes(-1), stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Alarm evaluation failed: {Reason}", DatabaseErrors.Describe(e));
            }
        }
    }

    /// <summary>Evaluates every rule for the complete minute starting at <paramref name="minute"/>; returns the transitions.</summary>
    public async Task<IReadOnlyList<Transition>> EvaluateAsync(DateTimeOffset minute, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (!await conn.OneAsync("SELECT pg_try_advisory_xact_lock($1)", r => r.GetBoolean(0), ct, LockKey)) return [];
        var figures = await FiguresAsync(conn, minute, ct);
        var previous = (await conn.ListAsync("SELECT alarm, service, state, evaluated_minute FROM alarm_states FOR UPDATE",
            r => (Key: (r.GetString(0), r.GetString(1)), State: r.GetString(2), Evaluated: r.GetFieldValue<DateTimeOffset>(3)), ct))
            .ToDictionary(x => x.Key, x => (x.State, x.Evaluated));
        var services = KnownServices.Union(figures.Keys).Order(StringComparer.Ordinal);
        var transitions = new List<Transition>();
        foreach (var service in services)
        {
            var recent = figures.GetValueOrDefault(service) ?? [];
            foreach (var rule in AlarmRules.For(service))
            {
                (string State, DateTimeOffset Evaluated)? before = previous.TryGetValue((rule, service), out var found) ? found : null;
                if (before is { } b && b.Evaluated >= minute) continue; // another instance did this minute
                var outcome = AlarmRules.Evaluate(rule, alarms.Value, minute, recent);
                var changed = AlarmRules.IsTransition(before?.State, outcome.State);
                await conn.ExecuteAsync("""
                    INSERT INTO alarm_states (alarm, service, state, value, reason, since, evaluated_minute)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    ON CONFLICT (alarm, service) DO UPDATE SET state = excluded.state, value = excluded.value, reason = excluded.reason,
                        since = CASE WHEN alarm_states.state = excluded.state THEN alarm_states.since ELSE excluded.since END,
                        evaluated_minute = excluded.evaluated_minute
                    """, ct, rule, service, outcome.State, Sql.Typed(outcome.Value, NpgsqlDbType.Double), outcome.Reason, minute.AddMinutes(1), minute);
                if (!changed) continue;
                var t = new Transition(rule, service, before?.State ?? AlarmStates.InsufficientData, outcome.State, outcome.Value, outcome.Reason, minute.AddMinutes(1));
                if (before is null && outcome.State != AlarmStates.Alarm) continue; // first sight: only an ALARM is news
                await conn.ExecuteAsync("""
                    INSERT INTO alarm_transitions (alarm, service, from_state, to_state, value, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7)
                    """, ct, rule, service, t.From, t.To, Sql.Typed(t.Value, NpgsqlDbType.Double), t.Reason, t.At);
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
        if (options.Value.AlarmWebhook is not { } url) return;
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

    /// <summary>Every service's complete minutes among the five up to <paramref name="minute"/>, all instances merged.</summary>
    private static async Task<Dictionary<string, List<MinuteFigures>>> FiguresAsync(NpgsqlConnection conn, DateTimeOffset minute, CancellationToken ct)
    {
        var rows = await conn.ListAsync("SELECT service, minute, metric, label, count, sum, buckets FROM metric_minutes WHERE minute > $1 AND minute <= $2",
            r => new MetricRow(r.GetFieldValue<DateTimeOffset>(1), r.GetString(0), null,
                new(r.GetString(2), r.GetString(3), new(r.GetInt64(4), r.GetDouble(5), r.IsDBNull(6) ? null : r.GetFieldValue<long[]>(6)))),
            ct, minute.AddMinutes(-5), minute);
        return rows.GroupBy(x => x.Service).ToDictionary(g => g.Key, g => g.GroupBy(x => x.At).Select(m =>
        {
            var http = MetricsMath.Series(m, MetricNames.Requests);
            return new MinuteFigures(m.Key, http.Count, http.CountOf("5xx"), http.Buckets,
                MetricsMath.Series(m, MetricNames.DbConnectionErrors).Count, MetricsMath.Series(m, MetricNames.Violations).Count,
                MetricsMath.Series(m, MetricNames.WhatsAppSendFailures).Count);
        }).ToList());
    }
}
