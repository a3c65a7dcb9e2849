using AvaOlo.ServiceDefaults.Telemetry;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Monitoring;

/// <summary>Reads the rollups for a window: at most a few thousand small rows, folded in memory by MetricsMath.</summary>
public sealed class MetricsQuery(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string MinuteSql = """
        SELECT minute, service, instance, requests, http_4xx, http_5xx, latency_buckets, active_connections,
               COALESCE(cpu_percent, 0), COALESCE(memory_mb, 0), CASE WHEN cpu_percent IS NULL THEN 0 ELSE 1 END,
               db_connection_errors, constitutional_violations, llm_queries, llm_failures, llm_latency_sum_ms, llm_latency_buckets,
               db_queries, db_query_sum_ms, localization_total, localization_matched
        FROM metric_minutes WHERE minute >= @from AND (@service::text IS NULL OR service = @service)
        """;

    private const string HourSql = """
        SELECT hour, service, NULL, requests, http_4xx, http_5xx, latency_buckets, active_connections_sum,
               cpu_percent_sum, memory_mb_sum, instance_minutes,
               db_connection_errors, constitutional_violations, llm_queries, llm_failures, llm_latency_sum_ms, llm_latency_buckets,
               db_queries, db_query_sum_ms, localization_total, localization_matched
        FROM metric_hours WHERE hour >= @from AND (@service::text IS NULL OR service = @service)
        """;

    private const string RouteSql = """
        SELECT route, status_class, requests, latency_buckets
        FROM metric_route_hours WHERE hour >= @from AND (@service::text IS NULL OR service = @service)
        """;

    public async Task<MetricsSummary> GetAsync(MetricsWindow window, string? service, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var from = window.From(now);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = new List<MetricRow>();
        await using (var cmd = Command(conn, window.Hourly ? HourSql : MinuteSql, from, service))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
                rows.Add(new(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3), r.GetInt64(4),
                    r.GetInt64(5), r.GetFieldValue<long[]>(6), Convert.ToDouble(r.GetValue(7), System.Globalization.CultureInfo.InvariantCulture),
                    r.GetDouble(8), r.GetDouble(9), Convert.ToInt64(r.GetValue(10), System.Globalization.CultureInfo.InvariantCulture), r.GetInt64(11),
                    r.GetInt64(12), r.GetInt64(13), r.GetInt64(14), r.GetDouble(15), r.GetFieldValue<long[]>(16), r.GetInt64(17), r.GetDouble(18),
                    r.GetInt64(19), r.GetInt64(20)));
        }
        var routeRows = new List<(string Route, string Class, long Requests, long[] Buckets)>();
        await using (var cmd = Command(conn, RouteSql, RollupStore.HourOf(from), service))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct)) routeRows.Add((r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetFieldValue<long[]>(3)));
        }
        var routes = routeRows.GroupBy(x => (x.Route, x.Class))
            .Select(g => new RouteFigure(g.Key.Route, g.Key.Class, g.Sum(x => x.Requests),
                LatencyBuckets.Percentile(LatencyBuckets.Merge(g.Select(x => x.Buckets)), 0.99) is { } p ? Math.Round(p, 1) : null))
            .OrderByDescending(x => x.Requests).Take(15).ToList();
        var services = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT DISTINCT service FROM metric_hours WHERE hour >= @from ORDER BY 1", conn))
        {
            cmd.Parameters.AddWithValue("from", now.AddDays(-7));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) services.Add(r.GetString(0));
        }
        return MetricsMath.Summarise(window, service, now, services, rows, routes);
    }

    private static NpgsqlCommand Command(NpgsqlConnection conn, string sql, DateTimeOffset from, string? service)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("from", from);
        cmd.Parameters.Add(new NpgsqlParameter("service", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)service ?? DBNull.Value });
        return cmd;
    }
}
