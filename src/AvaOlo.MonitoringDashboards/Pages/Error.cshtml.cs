using AvaOlo.Data.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AvaOlo.MonitoringDashboards.Pages;

/// <summary>
/// Where unhandled errors land (outside Development). A database outage is the expected failure, so it gets
/// its own message and a 503: the dashboards degrade, the service and /health stay up.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public bool DatabaseDown { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is null)
        {
            // Opened directly, not re-executed for an error: nothing went wrong, so there is nothing here.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        DatabaseDown = error is not null && DatabaseErrors.IsUnavailable(error);
        Response.StatusCode = DatabaseDown ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        if (DatabaseDown) Response.Headers.RetryAfter = "5";
    }
}
