using AvaOlo.Data;
using AvaOlo.MonitoringDashboards.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.MonitoringDashboards.Pages.Business;

[Authorize(Policy = Policies.Business)]
public sealed class IndexModel(AvaOloDbContext db) : PageModel
{
    public int Farmers { get; private set; }
    public decimal Hectares { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The Farmer query filter leaves out soft-deleted farmers, and with them their fields.
        Farmers = await db.Farmers.AsNoTracking().CountAsync(ct);
        Hectares = await db.Farmers.AsNoTracking().SelectMany(f => f.Fields).SumAsync(f => f.AreaHa, ct);
    }
}
