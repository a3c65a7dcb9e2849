using System.Net;
using System.Text.RegularExpressions;

namespace AvaOlo.MonitoringDashboards.Tests;

/// <summary>An HttpClient that behaves like a browser tab: keeps cookies, submits forms with their token.</summary>
public sealed partial class Browser(HttpClient http, CookieContainer cookies) : IDisposable
{
    /// <summary>A fresh tab: its own cookies, redirects not followed so tests can see them.</summary>
    public static Browser Open(Uri baseAddress)
    {
        var cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        return new Browser(new HttpClient(handler) { BaseAddress = baseAddress }, cookies);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    /// <summary>A GET with an Accept header, as a program (not a person) would ask.</summary>
    public Task<HttpResponseMessage> GetAcceptingAsync(string path, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return http.SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, string Html)> GetPageAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs the page holding the form, then POSTs the fields with that form's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formPage, string action, params (string Name, string Value)[] fields)
    {
        var (_, html) = await GetPageAsync(formPage);
        var token = AntiforgeryToken(html);
        return await PostAsync(action, [.. fields, ("__RequestVerificationToken", token)]);
    }

    public Task<HttpResponseMessage> PostAsync(string action, params (string Name, string Value)[] fields) =>
        http.PostAsync(action, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    public async Task<HttpResponseMessage> LoginAsync(string username, string password, string? returnUrl = null)
    {
        var page = returnUrl is null ? "/login" : $"/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        return await SubmitAsync(page, page, ("Username", username), ("Password", password));
    }

    public async Task LoginOkAsync(string username, string password)
    {
        using var response = await LoginAsync(username, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Takes over another tab's cookies (sign-in and antiforgery), as a load balancer's client would send them to any instance.</summary>
    public void CopyCookiesFrom(Browser other, Uri otherAddress)
    {
        foreach (Cookie c in other.Cookies.GetCookies(otherAddress)) cookies.Add(http.BaseAddress!, new Cookie(c.Name, c.Value, "/"));
    }

    private CookieContainer Cookies => cookies;

    public bool HasAuthCookie() =>
        cookies.GetCookies(http.BaseAddress!).Any(c => c.Name == "avaolo_auth" && !c.Expired && c.Value.Length > 0);

    public static string AntiforgeryToken(string html)
    {
        var match = TokenInput().Match(html);
        Assert.True(match.Success, "the page has no antiforgery token field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
