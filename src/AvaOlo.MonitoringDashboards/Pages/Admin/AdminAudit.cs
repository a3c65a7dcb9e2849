using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AvaOlo.Data.Entities;

namespace AvaOlo.MonitoringDashboards.Pages.Admin;

/// <summary>
/// audit_log rows for what an admin changes on the dashboards (keys, roles, enabled users), written in the same
/// transaction as the change, with the signed-in user as the actor. A key's row names it by id, name and prefix:
/// never its secret or hash.
/// </summary>
public static class AdminAudit
{
    public const string ActorType = "dashboard_user";
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static AuditLogEntry Entry(ClaimsPrincipal actor, DateTimeOffset at, string entityType, int entityId, string action,
        object? before, object? after, int? farmerId = null) => new()
    {
        At = at, ActorType = ActorType, ActorId = actor.FindFirstValue(ClaimTypes.NameIdentifier), ActorName = actor.Identity?.Name,
        EntityType = entityType, EntityId = entityId.ToString(CultureInfo.InvariantCulture), FarmerId = farmerId, Action = action,
        Before = before is null ? null : JsonSerializer.Serialize(before, Json),
        After = after is null ? null : JsonSerializer.Serialize(after, Json),
    };

    /// <summary>What the trail records of a key: enough to tell which key it was and what it could do.</summary>
    public static object Describe(ApiKey k) => new { k.Name, k.Prefix, k.Scopes, k.FarmerId, k.ExpiresAt, k.RevokedAt };

    public static object Describe(User u) => new { u.Username, u.Role, u.DisabledAt };
}
