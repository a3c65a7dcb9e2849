using System.Net;
using System.Text.RegularExpressions;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.AspNetCore.Identity;

namespace AvaOlo.Security.Tests;

/// <summary>A browser-like client of the dashboards: its own cookies, forms posted with their antiforgery token.</summary>
public sealed partial class DashboardSession(HttpClient http, CookieContainer cookies) : IDisposable
{
    public const string Password = "correct horse battery staple";

    public HttpClient Http => http;

    public static DashboardSession Open(Uri baseAddress, string? forwardedFor = null)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        return new DashboardSession(client, cookies);
    }

    public static async Task UserAsync(TestDatabase database, string username, string role)
    {
        var user = new User { Username = username, DisplayName = username, Role = role, PasswordHash = "", CreatedAt = DateTimeOffset.UtcNow };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, Password);
        await using var db = database.CreateContext();
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }

    public async Task<string> TokenAsync(string page)
    {
        var html = await http.GetStringAsync(page);
        var match = TokenInput().Match(html);
        Assert.True(match.Success, $"{page} has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> LoginAsync(string username, string password)
    {
        var token = await TokenAsync("/login");
        return await http.PostAsync("/login", new FormUrlEncodedContent(
            [new("Username", username), new("Password", password), new("__RequestVerificationToken", token)]));
    }

    public async Task<DashboardSession> SignedInAsync(string username)
    {
        using var response = await LoginAsync(username, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return this;
    }

    public bool HasAuthCookie() => cookies.GetCookies(http.BaseAddress!).Any(c => c.Name == "avaolo_auth" && !c.Expired && c.Value.Length > 0);

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
