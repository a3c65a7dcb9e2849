using AvaOlo.MonitoringDashboards.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AvaOlo.MonitoringDashboards.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(DashboardSignIn signIn) : PageModel
{
    // One message for every failure, so the page does not tell which usernames exist.
    public const string WrongCredentials = "Wrong username or password.";

    [BindProperty] public string Username { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var principal = string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password)
            ? null
            : await signIn.VerifyAsync(Username, Password, ct);
        if (principal is null)
        {
            Error = WrongCredentials;
            Password = "";
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        // Only a local URL: "https://evil.example" or "//evil.example" would make the login an open redirect.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
