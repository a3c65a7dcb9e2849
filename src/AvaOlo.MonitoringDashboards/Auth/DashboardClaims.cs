using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AvaOlo.MonitoringDashboards.Auth;

/// <summary>What the sign-in cookie carries about a user, and how pages read it back.</summary>
public static class DashboardClaims
{
    public const string DisplayNameType = "display_name";
    public const string PasswordStampType = "password_stamp";

    public static ClaimsPrincipal For(User user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.Username),
            new Claim(DisplayNameType, user.DisplayName),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(PasswordStampType, PasswordStamp(user.PasswordHash)),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>The user as this (encrypted) cookie remembers them; null when a claim is missing or malformed.</summary>
    public static SessionUser? Remembered(ClaimsPrincipal p) =>
        int.TryParse(p.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
        && p.FindFirstValue(ClaimTypes.Name) is { } name && p.FindFirstValue(PasswordStampType) is { } stamp
            ? new SessionUser(id, name, p.DisplayName(), p.Role(), stamp, false)
            : null;

    /// <summary>
    /// A short fingerprint of the password hash: it changes when the password is reset, which ends the user's
    /// sessions at their next re-check. Without the hash's salt it says nothing about the password.
    /// </summary>
    public static string PasswordStamp(string passwordHash) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash)), 0, 8);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameType) ?? user.Identity?.Name ?? "";

    public static string Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) ?? "";
}
