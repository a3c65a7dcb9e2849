using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.MonitoringDashboards.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.MonitoringDashboards.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(AvaOloDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Enabled users per role, every role listed (0 when none) so the table keeps its shape.</summary>
    public IReadOnlyList<(string Role, int Count)> UsersByRole { get; private set; } = [];
    public int ActiveApiKeys { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var counts = await db.Users.AsNoTracking().Where(u => u.DisabledAt == null)
            .GroupBy(u => u.Role).Select(g => new { Role = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Role, x => x.Count, ct);
        UsersByRole = UserRoles.All.Select(r => (r, counts.GetValueOrDefault(r))).ToList();

        // Active = not revoked and not past its expiry: the keys that would be accepted right now.
        var now = clock.GetUtcNow();
        ActiveApiKeys = await db.ApiKeys.AsNoTracking()
            .CountAsync(k => k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), ct);
    }
}
