using AvaOlo.Data;
using AvaOlo.MonitoringDashboards.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.MonitoringDashboards.Pages.Agronomic;

[Authorize(Policy = Policies.Agronomic)]
public sealed class IndexModel(AvaOloDbContext db, TimeProvider clock) : PageModel
{
    public int Fields { get; private set; }
    public int PlantingsThisSeason { get; private set; }
    public int Season { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A season is a calendar year, as Planting.SeasonYear records it.
        var season = Season = clock.GetUtcNow().Year;
        // Going through Farmers applies its query filter: soft-deleted farmers' records are not counted.
        Fields = await db.Farmers.AsNoTracking().SelectMany(f => f.Fields).CountAsync(ct);
        PlantingsThisSeason = await db.Plantings.AsNoTracking()
            .CountAsync(p => p.SeasonYear == season && db.Farmers.Any(f => f.Id == p.FarmerId), ct);
    }
}
