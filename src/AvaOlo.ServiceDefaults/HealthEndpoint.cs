using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AvaOlo.ServiceDefaults;

public static class HealthEndpoint
{
    /// <summary>
    /// GET /health: never calls a language model; one cached database probe. 200 when this instance can serve,
    /// 503 (with the reason) when the database is unreachable or its schema is not the one this build knows.
    /// </summary>
    public static RouteHandlerBuilder MapAvaOloHealth(this IEndpointRouteBuilder app, string service) =>
        app.MapGet("/health", async (DatabaseProbe probe, TimeProvider clock, CancellationToken ct) =>
        {
            var db = await probe.CheckAsync(ct);
            var body = new HealthResponse(
                db.CanServe ? "ok" : "unavailable", service, AppInfo.Version,
                (long)(clock.GetUtcNow() - AppInfo.StartedAt).TotalSeconds,
                new DatabaseHealthResponse(db.Reachable, Math.Round(db.LatencyMs, 1), db.Schema?.Version,
                    Data.Schema.ExpectedVersion, db.Schema?.State.ToString().ToLowerInvariant() ?? "unknown", db.CanServe ? null : db.Reason));
            return TypedResults.Json(body, statusCode: db.CanServe ? 200 : 503);
        })
        .WithName("Health").WithTags("Health").AllowAnonymous()
        .Produces<HealthResponse>(200).Produces<HealthResponse>(503)
        .WithSummary("Liveness and readiness of this instance")
        .WithDescription("Answers in milliseconds without calling a model: database reachability and schema version. 200 when serving, 503 with the reason when not. "
            + "While the instance drains before shutting down (SHUTDOWN_DRAIN_SECONDS after SIGTERM), 503 problem details with Retry-After and Connection: close.");
}

public sealed record HealthResponse(string Status, string Service, string Version, long UptimeSeconds, DatabaseHealthResponse Database);

public sealed record DatabaseHealthResponse(bool Reachable, double LatencyMs, string? SchemaVersion, string ExpectedSchemaVersion, string SchemaState, string? Reason);
