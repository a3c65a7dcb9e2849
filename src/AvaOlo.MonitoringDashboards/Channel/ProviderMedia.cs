using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AvaOlo.Data.Entities;
using Microsoft.Extensions.Options;

namespace AvaOlo.MonitoringDashboards.Channel;

/// <summary>The provider's answer to a media request: the open response to stream on, or why there is none.</summary>
public abstract record MediaAnswer
{
    public sealed record Found(HttpResponseMessage Response, string MimeType) : MediaAnswer;
    public sealed record Refused(int Status, string Title, string Detail) : MediaAnswer;
}

/// <summary>
/// Opens a received voice note or photo at the provider, as the core fetches it. Cloud API: GET {graph}/{media-id}
/// with the bearer token gives the file's url, then GET that url with the same token. Twilio: the MediaUrl with basic
/// auth SID:token, sent only to Twilio's own address (TWILIO_API_URL): a stored URL elsewhere never gets our credentials.
/// </summary>
public sealed class ProviderMedia(IHttpClientFactory http, IOptions<ChannelMediaOptions> options)
{
    public const string ClientName = "channel-media";

    public Task<MediaAnswer> OpenAsync(string provider, string mediaRef, CancellationToken ct) =>
        provider == ChannelProviders.Twilio ? FromTwilioAsync(mediaRef, ct) : FromGraphAsync(mediaRef, ct);

    private async Task<MediaAnswer> FromGraphAsync(string mediaId, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.MetaEnabled) return Off("WhatsApp Cloud API", "WHATSAPP_ACCESS_TOKEN");
        var client = http.CreateClient(ClientName);
        using var info = new HttpRequestMessage(HttpMethod.Get, new Uri($"{o.GraphBase.ToString().TrimEnd('/')}/{Uri.EscapeDataString(mediaId)}"));
        info.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.AccessToken!.Trim());
        using var answer = await client.SendAsync(info, ct);
        if (!answer.IsSuccessStatusCode) return Upstream($"the Graph API refused the media: HTTP {(int)answer.StatusCode}");
        string? url, mime;
        try
        {
            using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(ct));
            url = json.RootElement.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            mime = json.RootElement.TryGetProperty("mime_type", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        }
        catch (JsonException) { return Upstream("the Graph API's answer is not JSON"); }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var file) || file.Scheme is not ("https" or "http"))
            return Upstream("the Graph API gave no url for the media");
        var download = new HttpRequestMessage(HttpMethod.Get, file);
        download.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.AccessToken!.Trim());
        return await SendAsync(client, download, mime, ct);
    }

    private async Task<MediaAnswer> FromTwilioAsync(string mediaUrl, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.TwilioEnabled) return Off("Twilio WhatsApp", "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN");
        if (!Uri.TryCreate(mediaUrl, UriKind.Absolute, out var url) || !SameOrigin(url, o.TwilioBase))
            return Upstream("the stored media URL is not on Twilio's API address (TWILIO_API_URL); our credentials are not sent there");
        var download = new HttpRequestMessage(HttpMethod.Get, url);
        download.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.TwilioAccountSid!.Trim()}:{o.TwilioAuthToken!.Trim()}")));
        // Twilio redirects to a signed file URL; HttpClient drops the Authorization header when it follows the redirect.
        return await SendAsync(http.CreateClient(ClientName), download, null, ct);
    }

    private static async Task<MediaAnswer> SendAsync(HttpClient client, HttpRequestMessage request, string? mime, CancellationToken ct)
    {
        using (request)
        {
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.IsSuccessStatusCode)
                return new MediaAnswer.Found(response, response.Content.Headers.ContentType?.MediaType is { Length: > 0 } t && t != "application/octet-stream" ? t : mime ?? "application/octet-stream");
            var status = (int)response.StatusCode;
            response.Dispose();
            return Upstream($"the provider refused the media download: HTTP {status}");
        }
    }

    private static MediaAnswer.Refused Off(string provider, string variables) =>
        new(StatusCodes.Status503ServiceUnavailable, "Provider not configured", $"The {provider} channel's media needs {variables} on the dashboards service.");

    private static MediaAnswer.Refused Upstream(string detail) => new(StatusCodes.Status502BadGateway, "Media not available from the provider", detail);

    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
