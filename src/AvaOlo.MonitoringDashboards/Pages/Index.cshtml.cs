using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AvaOlo.MonitoringDashboards.Pages;

/// <summary>The dashboard selector: any signed-in user, one card per dashboard their role may open.</summary>
public sealed class IndexModel(IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<Dashboard> Visible { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var visible = new List<Dashboard>();
        // Ask the same policies that guard the pages, so a card is never shown for a page that would refuse.
        foreach (var d in Dashboards.All)
            if ((await authorization.AuthorizeAsync(User, d.Policy)).Succeeded) visible.Add(d);
        Visible = visible;
    }
}
