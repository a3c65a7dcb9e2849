using System.Net;
using AvaOlo.Testing;

namespace AvaOlo.MonitoringDashboards.Tests;

/// <summary>Error isolation: with the database unreachable the service still starts, answers and explains.</summary>
public sealed class DatabaseDownTests : IDisposable
{
    // Production shows the error page (Development would show the developer exception page instead). Port 1 on
    // loopback: nothing listens there, so connecting fails at once.
    private readonly ServiceHost<Program> _factory = new(new Dictionary<string, string>
    {
        ["DB_HOST"] = "127.0.0.1", ["DB_PORT"] = "1", ["DB_USER"] = "nobody", ["DB_SSL_MODE"] = "Disable",
    });
    private readonly Browser _browser;

    public DatabaseDownTests()
    {
        _browser = Browser.Open(_factory.BaseAddress);
    }

    [Fact]
    public async Task Login_page_says_sign_in_is_unavailable_with_a_503_and_a_posted_form_gets_the_same()
    {
        // The users, the login throttle and the key ring that signs the form's token are all in the database, so the
        // page renders (layout, version, message) but offers no form, and says so with a 503 and Retry-After.
        using (var page = await _browser.GetAsync("/login"))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.NotNull(page.Headers.RetryAfter);
            Assert.Contains("Sign-in is unavailable while the database is down", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
            Assert.Contains("class=\"version\"", html, StringComparison.Ordinal);
        }

        // A form left open in a tab from before the outage: the same 503, not a 400 or a 500.
        using var response = await _browser.PostAsync("/login", ("Username", "ana"), ("Password", "whatever"), ("__RequestVerificationToken", "from-before-the-outage"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Sign-in is unavailable while the database is down", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(_browser.HasAuthCookie());
    }

    [Fact]
    public async Task A_page_behind_sign_in_sends_the_visitor_to_the_login_page_which_explains()
    {
        using var admin = await _browser.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        var (status, html) = await _browser.GetPageAsync(admin.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("Sign-in is unavailable while the database is down", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_unavailable_instead_of_hanging_or_crashing()
    {
        var (status, body) = await _browser.GetPageAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("\"status\":\"unavailable\"", body, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _browser.Dispose();
        _factory.Dispose();
    }
}
