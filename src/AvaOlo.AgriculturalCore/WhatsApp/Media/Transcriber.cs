using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using AvaOlo.AgriculturalCore.Assistant;
using Microsoft.Extensions.Options;

namespace AvaOlo.AgriculturalCore.WhatsApp.Media;

/// <summary>A voice note's words, the language the transcription heard, and the audio's length in seconds.</summary>
public sealed record Transcript(string Text, string? Language, double? Seconds);

/// <summary>
/// Speech to text through the OpenAI-compatible POST {OPENAI_BASE_URL}/audio/transcriptions (multipart: file, model =
/// TRANSCRIPTION_MODEL, language = the farmer's language as a hint, response_format verbose_json for the language and
/// duration). The same server and key as the assistant's model; the key never reaches a log. A failure throws, and
/// the inbox retries the message.
/// </summary>
public sealed class Transcriber(IHttpClientFactory http, AssistantOptions model, IOptions<WhatsAppOptions> options)
{
    public const string ClientName = "transcription";
    private static readonly Uri OpenAi = new("https://api.openai.com/v1/");

    /// <summary>Speech to text needs the model's server: without one, voice notes get a polite reply instead.</summary>
    public bool Available => model.ModelConfigured;

    public async Task<Transcript> TranscribeAsync(byte[] audio, string mimeType, string? languageHint, CancellationToken ct)
    {
        var baseUrl = model.BaseUrl ?? OpenAi;
        var url = new Uri(baseUrl.ToString().TrimEnd('/') + "/audio/transcriptions");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(audio);
        file.Headers.ContentType = MediaTypeHeaderValue.TryParse(mimeType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "voice" + Extension(mimeType));
        form.Add(new StringContent(options.Value.Transcription), "model");
        if (languageHint is { Length: 2 }) form.Add(new StringContent(languageHint), "language");
        form.Add(new StringContent("verbose_json"), "response_format");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        if (model.ApiKey is { } key) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.CreateClient(ClientName).SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"transcription failed: HTTP {(int)response.StatusCode}");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()!.Trim() : "";
        var language = root.TryGetProperty("language", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
        var seconds = root.TryGetProperty("duration", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetDouble() : (double?)null;
        return new Transcript(text, language?[..Math.Min(language.Length, 16)], seconds);
    }

    /// <summary>The file name's extension, which OpenAI's endpoint reads to know the format.</summary>
    internal static string Extension(string mimeType) => mimeType.Split(';')[0].Trim().ToLower(CultureInfo.InvariantCulture) switch
    {
        "audio/ogg" or "audio/opus" => ".ogg",
        "audio/mpeg" or "audio/mp3" => ".mp3",
        "audio/mp4" or "audio/m4a" or "audio/x-m4a" or "audio/aac" => ".m4a",
        "audio/amr" => ".amr",
        "audio/wav" or "audio/x-wav" or "audio/wave" => ".wav",
        "audio/webm" => ".webm",
        _ => ".ogg",
    };
}
