using Npgsql;
using NpgsqlTypes;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>
/// Writes flushed minutes to metric_minutes (per instance), metric_hours and metric_route_hours (all instances
/// merged). Every write is an additive upsert, so instances flushing the same hour, or one instance flushing a
/// minute twice, add up instead of overwriting. Histograms are added element by element.
/// </summary>
public sealed class RollupStore(NpgsqlDataSource dataSource)
{
    private static readonly string[] Additive =
    [
        "requests", "http_4xx", "http_5xx", "latency_sum_ms", "db_connection_errors", "constitutional_violations", "llm_queries",
        "llm_failures", "llm_latency_sum_ms", "db_queries", "db_query_sum_ms", "localization_total", "localization_matched",
    ];

    private static readonly string MinuteSql = $"""
        INSERT INTO metric_minutes (minute, service, instance, {string.Join(", ", Additive)}, latency_buckets, llm_latency_buckets,
            active_connections, cpu_percent, memory_mb, disk_used_percent)
        VALUES (@minute, @service, @instance, {string.Join(", ", Additive.Select(c => "@" + c))}, @latency_buckets, @llm_latency_buckets,
            @active_connections, @cpu_percent, @memory_mb, @disk_used_percent)
        ON CONFLICT (service, minute, instance) DO UPDATE SET {Sums("metric_minutes")},
            active_connections = GREATEST(metric_minutes.active_connections, excluded.active_connections),
            cpu_percent = COALESCE(excluded.cpu_percent, metric_minutes.cpu_percent),
            memory_mb = COALESCE(excluded.memory_mb, metric_minutes.memory_mb),
            disk_used_percent = COALESCE(excluded.disk_used_percent, metric_minutes.disk_used_percent)
        """;

    private static readonly string HourSql = $"""
        INSERT INTO metric_hours (hour, service, instance_minutes, {string.Join(", ", Additive)}, latency_buckets, llm_latency_buckets,
            active_connections_sum, cpu_percent_sum, memory_mb_sum)
        VALUES (@hour, @service, 1, {string.Join(", ", Additive.Select(c => "@" + c))}, @latency_buckets,
            @llm_latency_buckets, @active_connections, COALESCE(@cpu_percent, 0), COALESCE(@memory_mb, 0))
        ON CONFLICT (service, hour) DO UPDATE SET {Sums("metric_hours")},
            instance_minutes = metric_hours.instance_minutes + 1,
            active_connections_sum = metric_hours.active_connections_sum + excluded.active_connections_sum,
            cpu_percent_sum = metric_hours.cpu_percent_sum + excluded.cpu_percent_sum,
            memory_mb_sum = metric_hours.memory_mb_sum + excluded.memory_mb_sum
        """;

    private const string RouteSql = """
        INSERT INTO metric_route_hours (hour, service, route, status_class, requests, latency_sum_ms, latency_buckets)
        VALUES (@hour, @service, @route, @status_class, @requests, @latency_sum_ms, @latency_buckets)
        ON CONFLICT (service, hour, route, status_class) DO UPDATE SET
            requests = metric_route_hours.requests + excluded.requests,
            latency_sum_ms = metric_route_hours.latency_sum_ms + excluded.latency_sum_ms,
            latency_buckets = (SELECT array_agg(COALESCE(a, 0) + COALESCE(b, 0) ORDER BY i)
                               FROM unnest(metric_route_hours.latency_buckets, excluded.latency_buckets) WITH ORDINALITY AS t(a, b, i))
        """;

    private static string Sums(string table) =>
        string.Join(",\n    ", Additive.Select(c => $"{c} = {table}.{c} + excluded.{c}")
            .Concat(new[] { "latency_buckets", "llm_latency_buckets" }.Select(c =>
                $"{c} = (SELECT array_agg(COALESCE(a, 0) + COALESCE(b, 0) ORDER BY i) FROM unnest({table}.{c}, excluded.{c}) WITH ORDINALITY AS t(a, b, i))")));

    /// <summary>Writes the minutes in one transaction: all or nothing, so a retry never double-counts.</summary>
    public async Task WriteAsync(IReadOnlyList<FlushedMinute> minutes, CancellationToken ct)
    {
        if (minutes.Count == 0) return;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(conn, tx);
        foreach (var minute in minutes)
        {
            batch.BatchCommands.Add(MinuteCommand(MinuteSql, minute));
            batch.BatchCommands.Add(MinuteCommand(HourSql, minute));
            foreach (var route in minute.Routes)
            {
                var cmd = new NpgsqlBatchCommand(RouteSql);
                cmd.Parameters.AddWithValue("hour", HourOf(minute.Totals.Minute));
                cmd.Parameters.AddWithValue("service", minute.Totals.Service);
                cmd.Parameters.AddWithValue("route", route.Route);
                cmd.Parameters.AddWithValue("status_class", route.StatusClass);
                cmd.Parameters.AddWithValue("requests", route.Requests);
                cmd.Parameters.AddWithValue("latency_sum_ms", route.LatencySumMs);
                cmd.Parameters.AddWithValue("latency_buckets", route.LatencyBuckets);
                batch.BatchCommands.Add(cmd);
            }
        }
        await batch.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Deletes rollups and alarm history older than the retention; returns the rows removed.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            DELETE FROM metric_minutes WHERE minute < @before;
            DELETE FROM metric_hours WHERE hour < @before;
            DELETE FROM metric_route_hours WHERE hour < @before;
            DELETE FROM alarm_transitions WHERE at < @before;
            """, conn);
        cmd.Parameters.AddWithValue("before", before);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public static DateTimeOffset HourOf(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);

    private static NpgsqlBatchCommand MinuteCommand(string sql, FlushedMinute minute)
    {
        var m = minute.Totals;
        var cmd = new NpgsqlBatchCommand(sql);
        var p = cmd.Parameters;
        if (sql == MinuteSql) p.AddWithValue("minute", m.Minute);
        else p.AddWithValue("hour", HourOf(m.Minute));
        p.AddWithValue("service", m.Service);
        if (sql == MinuteSql) p.AddWithValue("instance", m.Instance);
        p.AddWithValue("requests", m.Requests);
        p.AddWithValue("http_4xx", m.Http4xx);
        p.AddWithValue("http_5xx", m.Http5xx);
        p.AddWithValue("latency_sum_ms", m.LatencySumMs);
        p.AddWithValue("db_connection_errors", m.DbConnectionErrors);
        p.AddWithValue("constitutional_violations", m.ConstitutionalViolations);
        p.AddWithValue("llm_queries", m.LlmQueries);
        p.AddWithValue("llm_failures", m.LlmFailures);
        p.AddWithValue("llm_latency_sum_ms", m.LlmLatencySumMs);
        p.AddWithValue("db_queries", m.DbQueries);
        p.AddWithValue("db_query_sum_ms", m.DbQuerySumMs);
        p.AddWithValue("localization_total", m.LocalizationTotal);
        p.AddWithValue("localization_matched", m.LocalizationMatched);
        p.AddWithValue("latency_buckets", m.LatencyBuckets);
        p.AddWithValue("llm_latency_buckets", m.LlmLatencyBuckets);
        p.AddWithValue("active_connections", m.ActiveConnections);
        p.Add(new NpgsqlParameter("cpu_percent", NpgsqlDbType.Double) { Value = (object?)m.CpuPercent ?? DBNull.Value });
        p.Add(new NpgsqlParameter("memory_mb", NpgsqlDbType.Double) { Value = (object?)m.MemoryMb ?? DBNull.Value });
        if (sql == MinuteSql) p.Add(new NpgsqlParameter("disk_used_percent", NpgsqlDbType.Double) { Value = (object?)m.DiskUsedPercent ?? DBNull.Value });
        return cmd;
    }
}
