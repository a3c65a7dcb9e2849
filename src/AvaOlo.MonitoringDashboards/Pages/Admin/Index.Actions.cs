using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.MonitoringDashboards.Pages.Admin;

/// <summary>
/// The admin page's forms: roles, enabling users, API keys. Every form carries the antiforgery token, and every
/// change is saved together with its audit_log row (one SaveChanges, or one transaction).
/// </summary>
public sealed partial class IndexModel
{
    public async Task<IActionResult> OnPostRoleAsync(int id, string role, CancellationToken ct)
    {
        if (!UserRoles.All.Contains(role)) return await ShowAsync("Unknown role.", ct);
        if (IsSelf(id)) return await ShowAsync("You cannot change your own role (ask another admin).", ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return await ShowAsync("No such user.", ct);
        if (user.Role == role) return await ShowAsync($"{user.Username} already has the role {role}.", ct);
        var before = AdminAudit.Describe(user);
        user.Role = role;
        db.AuditLog.Add(AdminAudit.Entry(User, clock.GetUtcNow(), "user", user.Id, "update", before, AdminAudit.Describe(user)));
        await db.SaveChangesAsync(ct);
        return await ShowAsync($"Role changed to {role}. It applies to the user's open sessions within a minute.", ct);
    }

    public async Task<IActionResult> OnPostToggleUserAsync(int id, CancellationToken ct)
    {
        if (IsSelf(id)) return await ShowAsync("You cannot disable yourself.", ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return await ShowAsync("No such user.", ct);
        var before = AdminAudit.Describe(user);
        user.DisabledAt = user.DisabledAt is null ? clock.GetUtcNow() : null;
        db.AuditLog.Add(AdminAudit.Entry(User, clock.GetUtcNow(), "user", user.Id, user.DisabledAt is null ? "enable" : "disable", before, AdminAudit.Describe(user)));
        await db.SaveChangesAsync(ct);
        return await ShowAsync(user.DisabledAt is null ? $"{user.Username} can sign in again." : $"{user.Username} is disabled; their open sessions end within a minute.", ct);
    }

    public async Task<IActionResult> OnPostCreateKeyAsync(string? name, string[]? scopes, int? farmerId, CancellationToken ct)
    {
        var chosen = (scopes ?? []).Where(ApiScopes.All.Contains).Distinct().ToArray();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) return await ShowAsync("Give the key a name (at most 100 characters).", ct);
        if (farmerId is not null && !await db.Farmers.AnyAsync(f => f.Id == farmerId, ct)) return await ShowAsync($"No farmer {farmerId}.", ct);
        // A farmer's key acts as that farmer only: asking for others or administering is never a farmer's right.
        if (farmerId is not null && chosen.Intersect(ApiScopes.NeverForFarmerKeys).Any())
            return await ShowAsync($"A key for one farmer cannot have {string.Join(" or ", ApiScopes.NeverForFarmerKeys)}: those act for every farmer.", ct);
        if (farmerId is not null && chosen.Length == 0) chosen = ApiScopes.FarmerDefault;
        if (chosen.Length == 0) return await ShowAsync("Choose at least one scope.", ct);
        var (key, prefix, hash) = ApiKeySecrets.Generate();
        var row = new ApiKey { Name = name.Trim(), Prefix = prefix, SecretHash = hash, Scopes = chosen, FarmerId = farmerId, CreatedAt = clock.GetUtcNow() };
        // Two saves (the audit row needs the key's id), one transaction.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.ApiKeys.Add(row);
            await db.SaveChangesAsync(ct);
            db.AuditLog.Add(AdminAudit.Entry(User, row.CreatedAt, "api_key", row.Id, "create", null, AdminAudit.Describe(row), farmerId));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        NewKey = key;
        return await ShowAsync($"Key {prefix} created. Copy it now: it is shown only this once.", ct);
    }

    public async Task<IActionResult> OnPostRevokeKeyAsync(int id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Locked, so that two admins revoking at once write one revocation and one audit row.
        var key = await db.ApiKeys.FromSql($"SELECT * FROM api_keys WHERE id = {id} AND revoked_at IS NULL FOR UPDATE").SingleOrDefaultAsync(ct);
        if (key is null) return await ShowAsync("That key was already revoked.", ct);
        var before = AdminAudit.Describe(key);
        key.RevokedAt = clock.GetUtcNow();
        db.AuditLog.Add(AdminAudit.Entry(User, key.RevokedAt.Value, "api_key", key.Id, "revoke", before, AdminAudit.Describe(key), key.FarmerId));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await ShowAsync("Key revoked: it stops working at once.", ct);
    }

    private bool IsSelf(int id) => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value == id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IActionResult> ShowAsync(string message, CancellationToken ct)
    {
        Message = message;
        await OnGetAsync(ct);
        return Page();
    }
}
