using AvaOlo.MonitoringDashboards.Auth;

namespace AvaOlo.MonitoringDashboards.Pages;

/// <summary>A dashboard as the selector card and the access-denied page describe it.</summary>
public sealed record Dashboard(string Path, string Title, string Summary, string Policy)
{
    public string RolesNeeded => AuthSetup.Describe(Policies.Roles[Policy]);
}

/// <summary>The catalogue of dashboards: the selector page shows each one the user's role may open.</summary>
public static class Dashboards
{
    public static readonly Dashboard Business = new("/business", "Business",
        "Growth and activity: farmers, hectares, queries and how they change over time.", Policies.Business);

    public static readonly Dashboard Agronomic = new("/agronomic", "Agronomic",
        "Answer review workbench: check and correct the assistant's answers to farmers.", Policies.Agronomic);

    public static readonly Dashboard Admin = new("/admin", "Admin",
        "Users, API keys, alarms and language-model usage.", Policies.Admin);

    public static IReadOnlyList<Dashboard> All { get; } = [Business, Agronomic, Admin];

    /// <summary>The dashboard a (local) URL points into, e.g. "/business?x=1" → Business; null when none.</summary>
    public static Dashboard? ForUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || !url.StartsWith('/')) return null;
        var path = new PathString(url.Split('?', '#')[0]);
        return All.FirstOrDefault(d => path.StartsWithSegments(d.Path, StringComparison.OrdinalIgnoreCase));
    }
}
