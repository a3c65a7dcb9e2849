using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AvaOlo.ServiceDefaults;

public static class HealthEndpoint
{
    /// <summary>
    /// GET /health: never calls a language model; one cached database probe. 200 when this instance can serve,
    /// 503 (with the reason) when the database is unreachable or its schema is not the one this build knows.
    /// </summary>
    public static RouteHandlerBuilder MapAvaOloHealth(this IEndpointRouteBuilder app, string service) =>
        app.MapGet("/health", async (DatabaseProbe probe, TimeProvider clock, IServiceProvider services, CancellationToken ct) =>
        {
            var db = await probe.CheckAsync(ct);
            var extra = services.GetService<IHealthChannels>();
            var body = new HealthResponse(
                db.CanServe ? "ok" : "unavailable", service, AppInfo.Version,
                (long)(clock.GetUtcNow() - AppInfo.StartedAt).TotalSeconds,
                new DatabaseHealthResponse(db.Reachable, Math.Round(db.LatencyMs, 1), db.Schema?.Version,
                    Data.Schema.ExpectedVersion, db.Schema?.State.ToString().ToLowerInvariant() ?? "unknown", db.CanServe ? null : db.Reason),
                extra is null ? null : await extra.ReadAsync(db.CanServe, ct));
            return TypedResults.Json(body, statusCode: db.CanServe ? 200 : 503);
        })
        .WithName("Health").WithTags("Health").AllowAnonymous()
        .Produces<HealthResponse>(200).Produces<HealthResponse>(503)
        .WithSummary("Liveness and readiness of this instance")
        .WithDescription("Answers in milliseconds without calling a model: database reachability and schema version. 200 when serving, 503 with the reason when not. "
            + "While the instance drains before shutting down (SHUTDOWN_DRAIN_SECONDS after SIGTERM), 503 problem details with Retry-After and Connection: close.");
}

public sealed record HealthResponse(string Status, string Service, string Version, long UptimeSeconds, DatabaseHealthResponse Database,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] object? Channels = null);

/// <summary>
/// A service's messaging channels, added to its /health as "channels" (the core's WhatsApp providers). Never fails
/// /health: with the database away it reports what this instance knows.
/// </summary>
public interface IHealthChannels
{
    Task<object?> ReadAsync(bool databaseUp, CancellationToken ct);
}

public sealed record DatabaseHealthResponse(bool Reachable, double LatencyMs, string? SchemaVersion, string ExpectedSchemaVersion, string SchemaState, string? Reason);
