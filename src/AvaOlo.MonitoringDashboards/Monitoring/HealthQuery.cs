using System.Diagnostics;
using System.Net.Sockets;
using AvaOlo.Data;
using AvaOlo.Data.Hosting;
using AvaOlo.ServiceDefaults;
using Microsoft.Extensions.Options;
using AvaOlo.ServiceDefaults.Telemetry;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Monitoring;

public sealed record ComponentHealth(string Status, string? Reason, IReadOnlyDictionary<string, object?> Details);

public sealed record SystemHealth(string Status, string Reason, DateTimeOffset CheckedAt, IReadOnlyDictionary<string, ComponentHealth> Components);

/// <summary>
/// Health of every component, each checked with a short timeout so one hanging part cannot stall the page.
/// Never calls a language model: its state comes from llm_debug_log. No URLs, hosts or keys are reported.
/// </summary>
public sealed class HealthQuery(NpgsqlDataSource dataSource, DatabaseProbe probe, IHttpClientFactory http, IOptions<DashboardOptions> options,
    IOptions<LanguageModelOptions> model, TelemetryFlusher flusher, TimeProvider clock)
{
    public async Task<SystemHealth> CheckAsync(CancellationToken ct)
    {
        var db = DatabaseAsync(ct);
        var core = CoreAsync(ct);
        var redis = RedisAsync(ct);
        var database = await db;
        var components = new Dictionary<string, ComponentHealth>
        {
            ["database"] = database,
            ["agricultural_core"] = await core,
            ["language_model"] = await LanguageModelAsync(ct),
            ["redis"] = await redis,
            ["whatsapp"] = database.Status == "unhealthy"
                ? new("unknown", "the database is unavailable", new Dictionary<string, object?>()) : await WhatsAppAsync(ct),
            ["telemetry"] = new("ok", null, new Dictionary<string, object?>
            {
                ["flush_failures"] = flusher.FlushFailures, ["pending_minutes"] = flusher.PendingMinutes, ["last_flush_at"] = flusher.LastSuccessAt,
            }),
        };
        var (status, reason) = HealthRules.Overall(components);
        return new(status, reason, clock.GetUtcNow(), components);
    }

    private async Task<ComponentHealth> DatabaseAsync(CancellationToken ct)
    {
        var h = await probe.CheckAsync(ct);
        var details = new Dictionary<string, object?>
        {
            ["latency_ms"] = Math.Round(h.LatencyMs, 1), ["schema_version"] = h.Schema?.Version, ["expected_schema_version"] = Schema.ExpectedVersion,
        };
        if (!h.Reachable) return new("unhealthy", h.Reason, details);
        try
        {
            var (used, max) = (await Sql.ListAsync(dataSource,
                "SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()), current_setting('max_connections')::int",
                r => (r.GetInt64(0), r.GetInt32(1)), ct))[0];
            details["connections_used"] = used;
            details["connections_max"] = max;
        }
        catch (NpgsqlException e)
        {
            return new("unhealthy", DatabaseErrors.Describe(e), details);
        }
        return h.CanServe ? new("ok", null, details) : new("unhealthy", h.Reason, details);
    }

    private async Task<ComponentHealth> CoreAsync(CancellationToken ct)
    {
        if (options.Value.Core is not { } url) return new("not_configured", "AGRICULTURAL_CORE_URL is not set", new Dictionary<string, object?>());
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            using var response = await http.CreateClient("health").GetAsync(new Uri(url, "/health"), timeout.Token);
            var details = new Dictionary<string, object?>
            {
                ["http_status"] = (int)response.StatusCode, ["latency_ms"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1),
            };
            return response.IsSuccessStatusCode ? new("ok", null, details) : new("unhealthy", $"/health answered {(int)response.StatusCode}", details);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or UriFormatException && !ct.IsCancellationRequested)
        {
            return new("unhealthy", e is OperationCanceledException ? "no answer within 2 s" : "unreachable", new Dictionary<string, object?>());
        }
    }

    private async Task<ComponentHealth> LanguageModelAsync(CancellationToken ct)
    {
        var configured = model.Value.Configured;
        var details = new Dictionary<string, object?> { ["configured"] = configured, ["model"] = model.Value.Model };
        try
        {
            var (lastSuccess, recent) = (await Sql.ListAsync(dataSource, """
                SELECT (SELECT max(created_at) FROM llm_debug_log WHERE success),
                       ARRAY(SELECT success FROM llm_debug_log WHERE created_at > $1 ORDER BY created_at DESC LIMIT 10)
                """, r => (r.Nullable<DateTimeOffset>(0), r.GetFieldValue<bool[]>(1)), ct, clock.GetUtcNow().AddMinutes(-15)))[0];
            details["last_success_at"] = lastSuccess;
            details["recent_calls"] = recent.Length;
            details["recent_failures"] = recent.Count(s => !s);
            var circuit = HealthRules.Circuit(recent);
            details["circuit"] = circuit;
            if (!configured) return new("not_configured", "no model configured: answers come from the offline path", details);
            return circuit == "open" ? new("degraded", "the last model calls all failed", details) : new("ok", null, details);
        }
        catch (NpgsqlException e)
        {
            details["circuit"] = "unknown";
            return new("unknown", DatabaseErrors.Describe(e), details);
        }
    }

    /// <summary>Informational: the send-failure alarm, not this check, decides when the channel needs someone.</summary>
    private async Task<ComponentHealth> WhatsAppAsync(CancellationToken ct)
    {
        try
        {
            var figures = await Channel.ChannelHealthFigures.ReadAsync(dataSource, clock.GetUtcNow(), ct);
            return new("ok", null, Channel.ChannelHealthFigures.Details(figures));
        }
        catch (NpgsqlException e)
        {
            return new("unknown", DatabaseErrors.Describe(e), new Dictionary<string, object?>());
        }
    }

    private async Task<ComponentHealth> RedisAsync(CancellationToken ct)
    {
        var raw = options.Value.RedisUrl;
        if (string.IsNullOrWhiteSpace(raw)) return new("not_configured", null, new Dictionary<string, object?>());
        var (host, port) = HealthRules.RedisEndpoint(raw);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(host, port, timeout.Token);
            await using var stream = tcp.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var n = await stream.ReadAsync(buffer, timeout.Token);
            var reply = System.Text.Encoding.ASCII.GetString(buffer, 0, n);
            var details = new Dictionary<string, object?> { ["latency_ms"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1) };
            // "-NOAUTH" still proves the server is up; we only check reachability here.
            return reply.StartsWith('+') || reply.Contains("NOAUTH", StringComparison.Ordinal) ? new("ok", null, details) : new("degraded", "unexpected reply", details);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException && !ct.IsCancellationRequested)
        {
            return new("degraded", "unreachable", new Dictionary<string, object?>());
        }
    }
}

/// <summary>Pure rules of the health summary.</summary>
public static class HealthRules
{
    /// <summary>Unhealthy when the database is; degraded when any other component is down; healthy otherwise.</summary>
    public static (string Status, string Reason) Overall(IReadOnlyDictionary<string, ComponentHealth> components)
    {
        if (components.TryGetValue("database", out var db) && db.Status == "unhealthy") return ("unhealthy", $"database: {db.Reason}");
        var down = components.Where(c => c.Value.Status is "unhealthy" or "degraded").Select(c => $"{c.Key}: {c.Value.Reason}").ToList();
        return down.Count > 0 ? ("degraded", string.Join("; ", down)) : ("healthy", "every configured component answers");
    }

    /// <summary>"open" when at least 3 recent calls were made and the newest 3 all failed; "closed" otherwise.</summary>
    public static string Circuit(IReadOnlyList<bool> newestFirst) =>
        newestFirst.Count >= 3 && newestFirst.Take(3).All(s => !s) ? "open" : "closed";

    public static (string Host, int Port) RedisEndpoint(string raw)
    {
        var s = raw.Contains("://", StringComparison.Ordinal) ? raw : "redis://" + raw.Split(',')[0];
        var uri = new Uri(s);
        return (uri.Host, uri.Port > 0 ? uri.Port : 6379);
    }
}
