using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AvaOlo.ChannelStandIns;

/// <summary>
/// Meta's Graph API for WhatsApp, as documented: POST /{version}/{phone-number-id}/messages with a bearer token and a
/// messaging_product "whatsapp" body (text, template or interactive), answered with messages[0].id (a wamid), or a
/// Graph error object. After each accepted message it posts signed "sent", "delivered" and "read" statuses to the
/// webhook, as Meta does. Give <see cref="GraphUrl"/> as WHATSAPP_GRAPH_URL.
/// </summary>
public sealed class CloudApiStandIn : StandInHost
{
    public const string Version = "v21.0";

    private CloudApiStandIn(string accessToken, string phoneNumberId, string appSecret)
    {
        AccessToken = accessToken;
        PhoneNumberId = phoneNumberId;
        AppSecret = appSecret;
    }

    public string AccessToken { get; }
    public string PhoneNumberId { get; }
    public string AppSecret { get; }

    /// <summary>The service's POST /api/v1/whatsapp/webhook, for statuses; none are sent while null.</summary>
    public Uri? Webhook { get; set; }

    public Uri GraphUrl => new(Address, Version);

    public static async Task<CloudApiStandIn> StartAsync(string accessToken, string phoneNumberId, string appSecret, string url = "http://127.0.0.1:0")
    {
        var standIn = new CloudApiStandIn(accessToken, phoneNumberId, appSecret);
        await standIn.StartAsync(url);
        return standIn;
    }

    /// <summary>Signs a notification with the app secret and posts it to the webhook, as Meta does.</summary>
    public static async Task<HttpResponseMessage> PostSignedAsync(HttpClient client, Uri webhook, string appSecret, JsonObject notification)
    {
        var body = Encoding.UTF8.GetBytes(notification.ToJsonString());
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = content };
        request.Headers.Add("X-Hub-Signature-256", Signatures.Meta(appSecret, body));
        return await client.SendAsync(request);
    }

    /// <summary>Holds a file as Meta holds a received voice note or photo; returns its media id (as in the webhook's audio.id / image.id).</summary>
    public string AddMedia(byte[] bytes, string mimeType)
    {
        var id = string.Concat(Guid.NewGuid().ToByteArray().Take(8).Select(b => (b % 10).ToString(System.Globalization.CultureInfo.InvariantCulture))) + "1";
        Media[id] = (bytes, mimeType);
        return id;
    }

    protected override void Map(WebApplication app)
    {
        MapMessages(app);
        // GET /{version}/{media-id} → the file's url, mime_type, sha256, file_size, id; then GET that url with the same bearer token.
        app.MapGet("/{version}/{mediaId}", (string mediaId, HttpContext http) =>
        {
            if (http.Request.Headers.Authorization.ToString() != $"Bearer {AccessToken}")
                return Error(401, 190, "Invalid OAuth access token - Cannot parse access token", "OAuthException");
            if (!Media.TryGetValue(mediaId, out var file))
                return Error(400, 100, $"Unsupported get request. Object with ID '{mediaId}' does not exist", "GraphMethodException");
            return Results.Json(new JsonObject
            {
                ["messaging_product"] = "whatsapp", ["url"] = new Uri(Address, $"whatsapp_business/attachments/?mid={mediaId}").ToString(),
                ["mime_type"] = file.MimeType, ["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.Bytes)),
                ["file_size"] = file.Bytes.Length, ["id"] = mediaId,
            });
        });
        app.MapGet("/whatsapp_business/attachments/", (string mid, HttpContext http) =>
        {
            if (http.Request.Headers.Authorization.ToString() != $"Bearer {AccessToken}") return Results.StatusCode(401);
            if (!Media.TryGetValue(mid, out var file)) return Results.NotFound();
            MediaServed.Enqueue(mid);
            return Results.Bytes(file.Bytes, file.MimeType);
        });
    }

    private void MapMessages(WebApplication app) => app.MapPost("/{version}/{phoneNumberId}/messages", async (string phoneNumberId, HttpContext http) =>
    {
        if (http.Request.Headers.Authorization.ToString() != $"Bearer {AccessToken}")
            return Error(401, 190, "Invalid OAuth access token - Cannot parse access token", "OAuthException");
        if (phoneNumberId != PhoneNumberId) return Error(400, 100, $"Unsupported post request. Object with ID '{phoneNumberId}' does not exist", "GraphMethodException");
        if (TryNextFailure(out var status)) return Error(status, status == 429 ? 130429 : 131000, "Scripted failure of the stand-in", "OAuthException");
        JsonNode? body;
        try { body = await JsonNode.ParseAsync(http.Request.Body); }
        catch (System.Text.Json.JsonException) { return Error(400, 100, "Invalid JSON", "OAuthException"); }
        var to = body?["to"]?.GetValue<string>();
        var type = body?["type"]?.GetValue<string>() ?? "text";
        if (body?["messaging_product"]?.GetValue<string>() != "whatsapp") return Error(400, 100, "(#100) The parameter messaging_product is required.", "OAuthException");
        if (string.IsNullOrEmpty(to)) return Error(400, 100, "(#100) The parameter to is required.", "OAuthException");
        var text = type switch
        {
            "text" => body!["text"]?["body"]?.GetValue<string>(),
            "interactive" => body!["interactive"]?["body"]?["text"]?.GetValue<string>(),
            "template" => body!["template"]?["components"]?[0]?["parameters"]?[0]?["text"]?.GetValue<string>(),
            _ => null,
        };
        if (type == "text" && (text is null || text.Length > 4096)) return Error(400, 100, "(#100) Param text['body'] must be at most 4096 characters long.", "OAuthException");
        if (type == "interactive" && InteractiveError(body!["interactive"]) is { } bad) return Error(400, 100, bad, "OAuthException");
        var recipient = "+" + to.TrimStart('+');
        var wamid = CloudApiPayloads.NewMessageId();
        Received.Enqueue(new ReceivedMessage(wamid, recipient, type, text, body!["context"]?["message_id"]?.GetValue<string>(), body.ToJsonString(), DateTimeOffset.UtcNow));
        if (SendStatuses && Webhook is { } hook)
            Later(async () =>
            {
                foreach (var s in new[] { "sent", "delivered", "read" })
                {
                    await Task.Delay(50);
                    using var _ = await PostSignedAsync(Callbacks, hook, AppSecret, CloudApiPayloads.Status(PhoneNumberId, wamid, s, recipient, DateTimeOffset.UtcNow));
                }
            });
        return Results.Json(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = to.TrimStart('+') }),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = wamid }),
        });
    });

    /// <summary>Meta's documented limits for reply buttons: a body of 1–1,024 characters, 1–3 buttons, ids up to 256, titles up to 20, unique.</summary>
    private static string? InteractiveError(JsonNode? interactive)
    {
        if (interactive?["type"]?.GetValue<string>() != "button") return "(#100) interactive.type must be button";
        var text = interactive["body"]?["text"]?.GetValue<string>();
        if (string.IsNullOrEmpty(text) || text.Length > 1024) return "(#131009) interactive.body.text must be 1 to 1024 characters";
        if (interactive["action"]?["buttons"] is not JsonArray buttons || buttons.Count is 0 or > 3) return "(#131009) action.buttons must hold 1 to 3 buttons";
        var titles = new HashSet<string>();
        foreach (var b in buttons)
        {
            var id = b?["reply"]?["id"]?.GetValue<string>();
            var title = b?["reply"]?["title"]?.GetValue<string>();
            if (b?["type"]?.GetValue<string>() != "reply" || string.IsNullOrEmpty(id) || id.Length > 256) return "(#131009) a button needs type reply and an id of 1 to 256 characters";
            if (string.IsNullOrEmpty(title) || title.Length > 20 || !titles.Add(title)) return "(#131009) button titles must be unique, 1 to 20 characters";
        }
        return null;
    }

    private static IResult Error(int status, int code, string message, string type) => Results.Json(new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["code"] = code, ["fbtrace_id"] = "AbCdEfGh" },
    }, statusCode: status);
}
