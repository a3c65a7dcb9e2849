using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AvaOlo.MonitoringDashboards.Pages.Account;

/// <summary>Where a signed-in user lands when their role does not open a page; answers 403.</summary>
public sealed class AccessDeniedModel : PageModel
{
    public Dashboard? Target { get; private set; }

    public void OnGet(string? returnUrl)
    {
        Target = Dashboards.ForUrl(returnUrl);
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
