using AvaOlo.Data.Entities;

namespace AvaOlo.MonitoringDashboards.Auth;

/// <summary>One policy per dashboard; admins may open every dashboard.</summary>
public static class Policies
{
    public const string Business = "business-dashboard";
    public const string Agronomic = "agronomic-dashboard";
    public const string Admin = "admin-dashboard";
    /// <summary>Any signed-in user: the monitoring JSON (/api/metrics, /api/health).</summary>
    public const string AnySignedIn = "any-signed-in";

    /// <summary>Roles each policy accepts, also shown on the access-denied page.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        [Business] = [UserRoles.Business, UserRoles.Admin],
        [Agronomic] = [UserRoles.Agronomist, UserRoles.Admin],
        [Admin] = [UserRoles.Admin],
        [AnySignedIn] = UserRoles.All,
    };
}
