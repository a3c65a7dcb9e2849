using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AvaOlo.Data.Entities;
using Microsoft.Extensions.Options;

namespace AvaOlo.AgriculturalCore.WhatsApp.Media;

/// <summary>A received file: its bytes and MIME type, or that it is over the limit (the farmer is told, nothing is fetched).</summary>
public abstract record MediaFile
{
    public sealed record Fetched(byte[] Bytes, string MimeType) : MediaFile;
    public sealed record TooBig(long? Bytes) : MediaFile;
}

/// <summary>
/// Fetches a voice note or photo from the provider that holds it. Cloud API: GET {graph}/{media-id} with the bearer
/// token gives the file's url and size, then GET that url with the same token. Twilio: the MediaUrl with basic auth
/// SID:token — sent only to Twilio's own address (TWILIO_API_URL), so a form field can never send our credentials
/// elsewhere. At most <see cref="MaxBytes"/> are read; a failure throws, and the inbox retries the message.
/// </summary>
public sealed class MediaFetcher(IHttpClientFactory http, IOptions<WhatsAppOptions> options)
{
    public const string ClientName = "whatsapp-media";

    /// <summary>WhatsApp's own limit for audio and video.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    public Task<MediaFile> FetchAsync(string provider, string mediaRef, CancellationToken ct) =>
        provider == ChannelProviders.Twilio ? FromTwilioAsync(mediaRef, ct) : FromGraphAsync(mediaRef, ct);

    private async Task<MediaFile> FromGraphAsync(string mediaId, CancellationToken ct)
    {
        var o = options.Value;
        var client = http.CreateClient(ClientName);
        using var info = new HttpRequestMessage(HttpMethod.Get, new Uri($"{o.GraphBase.ToString().TrimEnd('/')}/{Uri.EscapeDataString(mediaId)}"));
        info.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.AccessToken);
        using var answer = await client.SendAsync(info, ct);
        if (!answer.IsSuccessStatusCode) throw new HttpRequestException($"the Graph API refused media {mediaId}: HTTP {(int)answer.StatusCode}");
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(ct));
        var root = json.RootElement;
        var size = root.TryGetProperty("file_size", out var s) && s.TryGetInt64(out var n) ? n : (long?)null;
        if (size > MaxBytes) return new MediaFile.TooBig(size);
        var url = root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var parsed)
            && parsed.Scheme is "https" or "http" ? parsed : throw new HttpRequestException($"the Graph API gave no url for media {mediaId}");
        var mime = root.TryGetProperty("mime_type", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "application/octet-stream";
        using var download = new HttpRequestMessage(HttpMethod.Get, url);
        download.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.AccessToken);
        return await ReadAsync(client, download, mime, ct);
    }

    private async Task<MediaFile> FromTwilioAsync(string mediaUrl, CancellationToken ct)
    {
        var o = options.Value;
        if (!Uri.TryCreate(mediaUrl, UriKind.Absolute, out var url) || !SameOrigin(url, o.TwilioBase))
            throw new InvalidOperationException("the media URL is not on Twilio's API address; our credentials are not sent there");
        using var download = new HttpRequestMessage(HttpMethod.Get, url);
        download.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.TwilioAccountSid}:{o.TwilioAuthToken}")));
        return await ReadAsync(http.CreateClient(ClientName), download, "application/octet-stream", ct);
    }

    private static async Task<MediaFile> ReadAsync(HttpClient client, HttpRequestMessage request, string mime, CancellationToken ct)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"the media download failed: HTTP {(int)response.StatusCode}");
        if (response.Content.Headers.ContentLength > MaxBytes) return new MediaFile.TooBig(response.Content.Headers.ContentLength);
        var type = response.Content.Headers.ContentType?.MediaType is { Length: > 0 } t && t != "application/octet-stream" ? t : mime;
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        // A server that does not say the length is still held to the limit.
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return new MediaFile.TooBig(null);
            buffer.Write(chunk, 0, read);
        }
        return new MediaFile.Fetched(buffer.ToArray(), type);
    }

    internal static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
