using System.Globalization;
using System.Security.Claims;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AvaOlo.MonitoringDashboards.Auth;

/// <summary>What the sign-in cookie carries about a user, and how pages read it back.</summary>
public static class DashboardClaims
{
    public const string DisplayNameType = "display_name";

    public static ClaimsPrincipal For(User user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.Username),
            new Claim(DisplayNameType, user.DisplayName),
            new Claim(ClaimTypes.Role, user.Role),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameType) ?? user.Identity?.Name ?? "";

    public static string Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) ?? "";
}
