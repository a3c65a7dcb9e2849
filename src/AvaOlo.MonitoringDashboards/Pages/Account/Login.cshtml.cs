using AvaOlo.MonitoringDashboards.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AvaOlo.MonitoringDashboards.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(DashboardSignIn signIn, LoginThrottle throttle) : PageModel
{
    // One message for every failure, so the page does not tell which usernames exist.
    public const string WrongCredentials = "Wrong username or password.";

    [BindProperty] public string Username { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public static string TooManyAttempts(int minutes) =>
        $"Too many failed sign-in attempts. Wait {minutes} minute{(minutes == 1 ? "" : "s")} and try again.";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        // While throttled the password is not even checked, so guessing on stops getting answers.
        var wait = throttle.RetryAfter(Username ?? "", address);
        if (wait > TimeSpan.Zero)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            Error = TooManyAttempts((seconds + 59) / 60);
            Password = "";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }
        var principal = string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password)
            ? null
            : await signIn.VerifyAsync(Username, Password, ct);
        if (principal is null)
        {
            throttle.Failed(Username ?? "", address);
            Error = WrongCredentials;
            Password = "";
            return Page();
        }
        throttle.Succeeded(Username ?? "");
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        // Only a local URL: "https://evil.example" or "//evil.example" would make the login an open redirect.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
