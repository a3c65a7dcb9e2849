using System.Globalization;
using AvaOlo.MonitoringDashboards.Auth;
using AvaOlo.Data.Hosting;
using AvaOlo.ServiceDefaults;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AvaOlo.MonitoringDashboards.Pages.Account;

/// <summary>
/// Sign-in. While the database is unreachable nobody can sign in (users, throttle and key ring are all there): the
/// page then answers 503 with that message and no form. The antiforgery token is checked in the handler, after the
/// database check, so that a form posted during an outage gets that 503 and not a misleading 400 from an
/// instance whose key ring could not be loaded.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class LoginModel(DashboardSignIn signIn, LoginThrottle throttle, IAntiforgery antiforgery, DatabaseProbe database) : PageModel
{
    // One message for every failure, so the page does not tell which usernames exist.
    public const string WrongCredentials = "Wrong username or password.";
    public const string SignInUnavailable = "Sign-in is unavailable while the database is down. Try again in a minute.";
    public const int MaxUsernameLength = 254;
    public const int MaxPasswordLength = 1024;

    [BindProperty] public string Username { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }
    public bool Unavailable { get; private set; }

    public static string TooManyAttempts(int minutes) =>
        $"Too many failed sign-in attempts. Wait {minutes} minute{(minutes == 1 ? "" : "s")} and try again.";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await DatabaseDownAsync(ct) ? Down() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await DatabaseDownAsync(ct)) return Down();
        if (!await AntiforgeryValidAsync()) return BadRequest();
        Username ??= "";
        Password ??= "";
        // Bounded before anything stores or hashes them: a 1 MB "username" is refused here, not counted by the throttle.
        if (Username.Length > MaxUsernameLength || Password.Length > MaxPasswordLength)
        {
            Error = Username.Length > MaxUsernameLength
                ? $"The username is too long: at most {MaxUsernameLength} characters."
                : string.Create(CultureInfo.InvariantCulture, $"The password is too long: at most {MaxPasswordLength:N0} characters.");
            Username = Username.Length > MaxUsernameLength ? "" : Username;
            return Refused(StatusCodes.Status400BadRequest);
        }

        // While throttled the password is not even checked, so guessing on stops getting answers.
        var attempt = await throttle.BeginAsync(Username, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (attempt.RetryAfter > TimeSpan.Zero)
        {
            var seconds = (int)Math.Ceiling(attempt.RetryAfter.TotalSeconds);
            Error = TooManyAttempts((seconds + 59) / 60);
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Refused(StatusCodes.Status429TooManyRequests);
        }
        var principal = string.IsNullOrWhiteSpace(Username) || Password.Length == 0 ? null : await signIn.VerifyAsync(Username, Password, ct);
        if (principal is null)
        {
            Error = WrongCredentials;
            return Refused(StatusCodes.Status200OK);
        }
        await throttle.SucceededAsync(Username, attempt, ct);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        // Only a local URL: "https://evil.example" or "//evil.example" would make the login an open redirect.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    // As the framework's own filter does: a missing or bad token, and a form that cannot be read at all, are a 400.
    private async Task<bool> AntiforgeryValidAsync()
    {
        try
        {
            await antiforgery.ValidateRequestAsync(HttpContext);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private async Task<bool> DatabaseDownAsync(CancellationToken ct) => !(await database.CheckAsync(ct)).Reachable;

    private PageResult Down()
    {
        Unavailable = true;
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = "5";
        return Page();
    }

    private PageResult Refused(int status)
    {
        Password = "";
        Response.StatusCode = status;
        return Page();
    }
}
