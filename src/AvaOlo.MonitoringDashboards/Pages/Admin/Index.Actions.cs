using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.MonitoringDashboards.Pages.Admin;

/// <summary>The admin page's forms: roles, enabling users, API keys. Every form carries the antiforgery token.</summary>
public sealed partial class IndexModel
{
    public async Task<IActionResult> OnPostRoleAsync(int id, string role, CancellationToken ct)
    {
        if (!UserRoles.All.Contains(role)) return await ShowAsync("Unknown role.", ct);
        if (IsSelf(id)) return await ShowAsync("You cannot change your own role (ask another admin).", ct);
        var n = await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Role, role), ct);
        return await ShowAsync(n == 1 ? $"Role changed to {role}. It applies from the user's next sign-in." : "No such user.", ct);
    }

    public async Task<IActionResult> OnPostToggleUserAsync(int id, CancellationToken ct)
    {
        if (IsSelf(id)) return await ShowAsync("You cannot disable yourself.", ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return await ShowAsync("No such user.", ct);
        user.DisabledAt = user.DisabledAt is null ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(ct);
        return await ShowAsync(user.DisabledAt is null ? $"{user.Username} can sign in again." : $"{user.Username} is disabled.", ct);
    }

    public async Task<IActionResult> OnPostCreateKeyAsync(string? name, string[]? scopes, int? farmerId, CancellationToken ct)
    {
        var chosen = (scopes ?? []).Where(ApiScopes.All.Contains).Distinct().ToArray();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) return await ShowAsync("Give the key a name (at most 100 characters).", ct);
        if (farmerId is not null && !await db.Farmers.AnyAsync(f => f.Id == farmerId, ct)) return await ShowAsync($"No farmer {farmerId}.", ct);
        if (farmerId is not null) chosen = chosen.Length == 0 ? ApiScopes.FarmerDefault : chosen.Where(s => s != ApiScopes.Admin).ToArray();
        if (chosen.Length == 0) return await ShowAsync("Choose at least one scope.", ct);
        var (key, prefix, hash) = ApiKeySecrets.Generate();
        db.ApiKeys.Add(new ApiKey { Name = name.Trim(), Prefix = prefix, SecretHash = hash, Scopes = chosen, FarmerId = farmerId, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        NewKey = key;
        return await ShowAsync($"Key {prefix} created. Copy it now: it is shown only this once.", ct);
    }

    public async Task<IActionResult> OnPostRevokeKeyAsync(int id, CancellationToken ct)
    {
        var n = await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, clock.GetUtcNow()), ct);
        return await ShowAsync(n == 1 ? "Key revoked: it stops working at once." : "That key was already revoked.", ct);
    }

    private bool IsSelf(int id) => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value == id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IActionResult> ShowAsync(string message, CancellationToken ct)
    {
        Message = message;
        await OnGetAsync(ct);
        return Page();
    }
}
