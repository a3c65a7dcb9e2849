using AvaOlo.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AvaOlo.Data.Hosting;

public static class HealthEndpoint
{
    /// <summary>
    /// GET /health: the registered health checks (the database probe, cached for a second; never a language model).
    /// 200 when this instance can serve, 503 (with the reason) when the database is unreachable or its schema is not
    /// the one this build knows. A minimal-API endpoint over HealthCheckService rather than MapHealthChecks, whose
    /// endpoint the OpenAPI document cannot describe (dotnet/aspnetcore#5161): clients generated from it call /health.
    /// </summary>
    public static RouteHandlerBuilder MapAvaOloHealth(this IEndpointRouteBuilder app, string service) =>
        app.MapGet("/health", async (HealthCheckService checks, TimeProvider clock, IServiceProvider services, CancellationToken ct) =>
        {
            var report = await checks.CheckHealthAsync(ct);
            var body = HealthResponse.From(report, service, clock.GetUtcNow() - AppInfo.StartedAt);
            // A service with messaging channels (the core's WhatsApp) reports them too; they never decide the status.
            if (services.GetService(typeof(IHealthChannels)) is IHealthChannels channels)
                body = body with { Channels = await channels.ReadAsync(report.Status == HealthStatus.Healthy, ct) };
            return TypedResults.Json(body, statusCode: report.Status == HealthStatus.Healthy ? 200 : 503);
        })
        .WithName("Health").WithTags("Health").AllowAnonymous()
        .Produces<HealthResponse>(200).Produces<HealthResponse>(503)
        .WithSummary("Liveness and readiness of this instance")
        .WithDescription("Answers in milliseconds without calling a model: database reachability and schema version. 200 when serving, 503 with the reason when not. "
            + "While the instance drains before shutting down (SHUTDOWN_DRAIN_SECONDS after SIGTERM), 503 problem details with Retry-After and Connection: close.");
}

public sealed record HealthResponse(string Status, string Service, string Version, long UptimeSeconds, DatabaseHealthResponse Database,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] object? Channels = null)
{
    /// <summary>The /health body from a health report: "ok" only when every check is healthy.</summary>
    public static HealthResponse From(HealthReport report, string service, TimeSpan uptime)
    {
        var db = report.Entries.TryGetValue(DatabaseHealthCheck.Name, out var entry) && entry.Data.TryGetValue(DatabaseHealthCheck.Name, out var data)
            ? (DatabaseHealth)data
            : new DatabaseHealth(false, 0, null, entry.Description ?? "no database health check ran");
        return new(report.Status == HealthStatus.Healthy ? "ok" : "unavailable", service, AppInfo.Version, (long)uptime.TotalSeconds,
            new(db.Reachable, Math.Round(db.LatencyMs, 1), db.Schema?.Version, Schema.ExpectedVersion,
                (db.Schema?.State switch { SchemaState.TooOld => "too_old", { } state => state.ToString().ToLowerInvariant(), null => "unknown" }), db.CanServe ? null : db.Reason));
    }
}

public sealed record DatabaseHealthResponse(bool Reachable, double LatencyMs, string? SchemaVersion, string ExpectedSchemaVersion, string SchemaState, string? Reason);

/// <summary>The database is reachable and its schema is the one this build knows (the cached probe's answer).</summary>
internal sealed class DatabaseHealthCheck(DatabaseProbe probe) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var db = await probe.CheckAsync(cancellationToken);
        var data = new Dictionary<string, object> { [Name] = db };
        return db.CanServe ? HealthCheckResult.Healthy(data: data) : HealthCheckResult.Unhealthy(db.Reason, data: data);
    }
}
