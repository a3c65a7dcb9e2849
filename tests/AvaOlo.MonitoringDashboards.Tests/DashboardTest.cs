using System.Net;
using AvaOlo.Testing;

namespace AvaOlo.MonitoringDashboards.Tests;

/// <summary>Each test starts from an empty database (plus the reference catalogue) and a fresh browser.</summary>
public abstract class DashboardTest(DashboardsServer server) : IAsyncLifetime
{
    protected DashboardsServer Server => server;
    protected TestDatabase Database => server.Database;

    public Task InitializeAsync() => server.Database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A browser signed in as a new user of that role; the username is the role name.</summary>
    protected async Task<Browser> SignedInAsync(string role, string? displayName = null)
    {
        await Seed.UserAsync(Database, role, role, displayName);
        var browser = Server.NewBrowser();
        await browser.LoginOkAsync(role, Seed.Password);
        return browser;
    }

    protected static void AssertRedirectsToLogin(HttpResponseMessage response, string returnUrl)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Location(response);
        Assert.Equal("/login", location.AbsolutePath);
        Assert.Equal($"?ReturnUrl={Uri.EscapeDataString(returnUrl)}", location.Query);
    }

    protected static void AssertAccessDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", Location(response).AbsolutePath);
    }

    /// <summary>The redirect target, made absolute so relative and absolute Location headers compare alike.</summary>
    protected static Uri Location(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException("no Location header");
        return location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
    }
}
