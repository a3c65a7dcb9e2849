using AvaOlo.ServiceDefaults.Telemetry;
using Npgsql;
using NpgsqlTypes;

namespace AvaOlo.Data.Hosting;

/// <summary>
/// Writes the telemetry pipeline's minutes to metric_minutes (per instance), metric_hours and metric_route_hours (all
/// instances merged). Every write is an additive upsert, so instances flushing the same hour, or one instance flushing
/// a minute twice, add up instead of overwriting. Histograms are added element by element. A new metric needs no
/// change here: rows are per metric and label.
/// </summary>
public sealed class RollupStore(NpgsqlDataSource dataSource) : IRollupStore
{
    private const string Buckets = """
        CASE WHEN {0}.buckets IS NULL THEN excluded.buckets WHEN excluded.buckets IS NULL THEN {0}.buckets
             ELSE (SELECT array_agg(COALESCE(a, 0) + COALESCE(b, 0) ORDER BY i) FROM unnest({0}.buckets, excluded.buckets) WITH ORDINALITY AS t(a, b, i)) END
        """;

    private static readonly string MinuteSql = $"""
        INSERT INTO metric_minutes (minute, service, instance, metric, label, count, sum, buckets) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (service, minute, instance, metric, label) DO UPDATE SET count = metric_minutes.count + excluded.count,
            sum = metric_minutes.sum + excluded.sum, buckets = {string.Format(System.Globalization.CultureInfo.InvariantCulture, Buckets, "metric_minutes")}
        """;

    private static readonly string HourSql = $"""
        INSERT INTO metric_hours (hour, service, metric, label, count, sum, buckets) VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (service, hour, metric, label) DO UPDATE SET count = metric_hours.count + excluded.count,
            sum = metric_hours.sum + excluded.sum, buckets = {string.Format(System.Globalization.CultureInfo.InvariantCulture, Buckets, "metric_hours")}
        """;

    private const string RouteSql = """
        INSERT INTO metric_route_hours (hour, service, route, status_class, requests, latency_sum_ms, latency_buckets) VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (service, hour, route, status_class) DO UPDATE SET
            requests = metric_route_hours.requests + excluded.requests,
            latency_sum_ms = metric_route_hours.latency_sum_ms + excluded.latency_sum_ms,
            latency_buckets = (SELECT array_agg(COALESCE(a, 0) + COALESCE(b, 0) ORDER BY i)
                               FROM unnest(metric_route_hours.latency_buckets, excluded.latency_buckets) WITH ORDINALITY AS t(a, b, i))
        """;

    /// <summary>Writes the minutes in one transaction: all or nothing, so a retry never double-counts.</summary>
    public async Task WriteAsync(IReadOnlyList<InstanceMinute> minutes, CancellationToken ct)
    {
        if (minutes.Count == 0) return;
        try
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await using var batch = new NpgsqlBatch(conn, tx);
            foreach (var m in minutes)
            {
                var hour = Minutes.HourOf(m.Minute);
                foreach (var r in m.Metrics)
                {
                    batch.BatchCommands.Add(Command(MinuteSql, m.Minute, m.Service, m.Instance, r.Metric, r.Label, r.Value.Count, r.Value.Sum, BucketsOf(r.Value)));
                    batch.BatchCommands.Add(Command(HourSql, hour, m.Service, r.Metric, r.Label, r.Value.Count, r.Value.Sum, BucketsOf(r.Value)));
                }
                foreach (var r in m.Routes)
                    batch.BatchCommands.Add(Command(RouteSql, hour, m.Service, r.Route, r.StatusClass, r.Requests, r.LatencySumMs, r.LatencyBuckets));
            }
            await batch.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e) && !ct.IsCancellationRequested)
        {
            DatabaseMetrics.RecordConnectionError();
            throw;
        }
    }

    /// <summary>Deletes rollups and alarm history older than the retention; returns the rows removed.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var (table, column) in new[] { ("metric_minutes", "minute"), ("metric_hours", "hour"), ("metric_route_hours", "hour"), ("alarm_transitions", "at") })
            batch.BatchCommands.Add(Command($"DELETE FROM {table} WHERE {column} < $1", before));
        return await batch.ExecuteNonQueryAsync(ct);
    }

    public string Describe(Exception e) => DatabaseErrors.Describe(e);

    private static NpgsqlParameter BucketsOf(Rollup r) => Sql.Typed(r.Buckets, NpgsqlDbType.Array | NpgsqlDbType.Bigint);

    private static NpgsqlBatchCommand Command(string sql, params object?[] args)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var arg in args) cmd.Parameters.Add(arg as NpgsqlParameter ?? new NpgsqlParameter { Value = arg ?? DBNull.Value });
        return cmd;
    }
}
