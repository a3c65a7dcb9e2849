using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AvaOlo.ChannelStandIns;

/// <summary>
/// Twilio's Messages REST API, as documented: POST /2010-04-01/Accounts/{AccountSid}/Messages.json with basic auth
/// (SID:token) and form fields From, To (whatsapp:+E164) and Body; 201 with the message resource (sid SM…), or a Twilio
/// error object. When the request names a StatusCallback it posts signed "sent", "delivered", "read" callbacks there.
/// Give <see cref="StandInHost.Address"/> as TWILIO_API_URL.
/// </summary>
public sealed class TwilioStandIn : StandInHost
{
    private TwilioStandIn(string accountSid, string authToken)
    {
        AccountSid = accountSid;
        AuthToken = authToken;
    }

    public string AccountSid { get; }
    public string AuthToken { get; }

    public static async Task<TwilioStandIn> StartAsync(string accountSid, string authToken, string url = "http://127.0.0.1:0")
    {
        var standIn = new TwilioStandIn(accountSid, authToken);
        await standIn.StartAsync(url);
        return standIn;
    }

    /// <summary>Signs a form with the auth token over <paramref name="url"/> (the public URL) and posts it there, as Twilio does.</summary>
    public static async Task<HttpResponseMessage> PostSignedAsync(HttpClient client, Uri url, string authToken, IReadOnlyList<KeyValuePair<string, string>> form,
        string? signedUrl = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", Signatures.Twilio(authToken, signedUrl ?? url.ToString(), form));
        return await client.SendAsync(request);
    }

    public static string NewSid(string prefix = "SM") => prefix + Guid.NewGuid().ToString("N");

    /// <summary>Holds a file as Twilio holds a received message's media; returns its MediaUrl0, fetched with basic auth SID:token.</summary>
    public string AddMedia(byte[] bytes, string mimeType)
    {
        var media = NewSid("ME");
        Media[media] = (bytes, mimeType);
        return new Uri(Address, $"2010-04-01/Accounts/{AccountSid}/Messages/{NewSid("MM")}/Media/{media}").ToString();
    }

    protected override void Map(WebApplication app)
    {
        MapMessages(app);
        app.MapGet("/2010-04-01/Accounts/{sid}/Messages/{message}/Media/{media}", (string sid, string media, HttpContext http) =>
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
            if (sid != AccountSid || http.Request.Headers.Authorization.ToString() != expected) return Error(401, 20003, "Authenticate");
            if (!Media.TryGetValue(media, out var file)) return Error(404, 20404, "The requested resource was not found");
            MediaServed.Enqueue(media);
            return Results.Bytes(file.Bytes, file.MimeType);
        });
    }

    private void MapMessages(WebApplication app) => app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", async (string sid, HttpContext http) =>
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        if (sid != AccountSid || http.Request.Headers.Authorization.ToString() != expected) return Error(401, 20003, "Authenticate");
        if (TryNextFailure(out var status)) return Error(status, status == 429 ? 20429 : 20500, "Scripted failure of the stand-in");
        var form = await http.Request.ReadFormAsync();
        var to = form["To"].ToString();
        var from = form["From"].ToString();
        var body = form["Body"].ToString();
        if (to.Length == 0) return Error(400, 21604, "A 'To' phone number is required.");
        if (from.Length == 0) return Error(400, 21603, "A 'From' phone number is required.");
        if (body.Length == 0) return Error(400, 21602, "Message body is required.");
        if (body.Length > 1600) return Error(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
        var messageSid = NewSid();
        Received.Enqueue(new ReceivedMessage(messageSid, to.Replace("whatsapp:", "", StringComparison.Ordinal), "text", body, null,
            string.Join('&', form.Select(kv => $"{kv.Key}={kv.Value}")), DateTimeOffset.UtcNow));
        if (SendStatuses && Uri.TryCreate(form["StatusCallback"].ToString(), UriKind.Absolute, out var callback))
            Later(async () =>
            {
                foreach (var s in new[] { "sent", "delivered", "read" })
                {
                    await Task.Delay(50);
                    using var _ = await PostSignedAsync(Callbacks, callback, AuthToken,
                        [new("AccountSid", AccountSid), new("From", from), new("MessageSid", messageSid), new("MessageStatus", s), new("To", to)]);
                }
            });
        return Results.Json(new JsonObject
        {
            ["sid"] = messageSid, ["account_sid"] = AccountSid, ["from"] = from, ["to"] = to, ["body"] = body, ["status"] = "queued",
            ["num_segments"] = "1", ["direction"] = "outbound-api", ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{messageSid}.json",
        }, statusCode: 201);
    });

    private static IResult Error(int status, int code, string message) => Results.Json(new JsonObject
    {
        ["code"] = code, ["message"] = message, ["more_info"] = $"https://www.twilio.com/docs/errors/{code}", ["status"] = status,
    }, statusCode: status);
}
