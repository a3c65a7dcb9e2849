using AvaOlo.Data;
using AvaOlo.ServiceDefaults.Telemetry;
using Npgsql;
using NpgsqlTypes;

namespace AvaOlo.MonitoringDashboards.Monitoring;

/// <summary>Reads the rollups for a window: a few thousand small rows, folded in memory by MetricsMath.</summary>
public sealed class MetricsQuery(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string MinuteSql = """
        SELECT minute, service, instance, metric, label, count, sum, buckets
        FROM metric_minutes WHERE minute >= $1 AND ($2::text IS NULL OR service = $2)
        """;

    private const string HourSql = """
        SELECT hour, service, NULL, metric, label, count, sum, buckets
        FROM metric_hours WHERE hour >= $1 AND ($2::text IS NULL OR service = $2)
        """;

    private const string RouteSql = """
        SELECT route, status_class, requests, latency_buckets
        FROM metric_route_hours WHERE hour >= $1 AND ($2::text IS NULL OR service = $2)
        """;

    public async Task<MetricsSummary> GetAsync(MetricsWindow window, string? service, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var from = window.From(now);
        var named = Sql.Typed(service, NpgsqlDbType.Text);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.ListAsync(window.Hourly ? HourSql : MinuteSql, r => new MetricRow(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1),
            r.NullableString(2), new MetricRollup(r.GetString(3), r.GetString(4), new Rollup(r.GetInt64(5), r.GetDouble(6), r.IsDBNull(7) ? null : r.GetFieldValue<long[]>(7)))),
            ct, from, named);
        var routeRows = await conn.ListAsync(RouteSql, r => (Route: r.GetString(0), Class: r.GetString(1), Requests: r.GetInt64(2), Buckets: r.GetFieldValue<long[]>(3)),
            ct, Minutes.HourOf(from), Sql.Typed(service, NpgsqlDbType.Text));
        var routes = routeRows.GroupBy(x => (x.Route, x.Class))
            .Select(g => new RouteFigure(g.Key.Route, g.Key.Class, g.Sum(x => x.Requests),
                LatencyBuckets.Percentile(LatencyBuckets.Merge(g.Select(x => x.Buckets)), 0.99) is { } p ? Math.Round(p, 1) : null))
            .OrderByDescending(x => x.Requests).Take(15).ToList();
        var services = await conn.ListAsync("SELECT DISTINCT service FROM metric_hours WHERE hour >= $1 ORDER BY 1", r => r.GetString(0), ct, now.AddDays(-7));
        return MetricsMath.Summarise(window, service, now, services, rows, routes);
    }
}
