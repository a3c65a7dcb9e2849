using System.Globalization;
using System.Text.Json.Nodes;

namespace AvaOlo.ChannelStandIns;

/// <summary>
/// Webhook notifications in the shapes of Meta's WhatsApp Cloud API documentation: object "whatsapp_business_account",
/// entry[].changes[] with field "messages" and a value holding metadata, contacts and messages[] (or statuses[]).
/// Phone numbers are digits without "+", as Meta sends them; timestamps are Unix seconds as strings.
/// </summary>
public static class CloudApiPayloads
{
    public static string NewMessageId() => "wamid.HBgL" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', 'A').Replace('/', 'B');

    public static JsonObject Text(string phoneNumberId, string fromE164, string wamid, string body, DateTimeOffset at, string name = "Farmer") =>
        Message(phoneNumberId, fromE164, wamid, at, name, "text", new JsonObject { ["body"] = body });

    public static JsonObject Audio(string phoneNumberId, string fromE164, string wamid, DateTimeOffset at, string mediaId) =>
        Message(phoneNumberId, fromE164, wamid, at, "Farmer", "audio", new JsonObject { ["mime_type"] = "audio/ogg; codecs=opus", ["sha256"] = "c2hhMjU2", ["id"] = mediaId, ["voice"] = true });

    public static JsonObject Image(string phoneNumberId, string fromE164, string wamid, DateTimeOffset at, string mediaId, string? caption = null)
    {
        var image = new JsonObject { ["mime_type"] = "image/jpeg", ["sha256"] = "c2hhMjU2", ["id"] = mediaId };
        if (caption is not null) image["caption"] = caption;
        return Message(phoneNumberId, fromE164, wamid, at, "Farmer", "image", image);
    }

    public static JsonObject Location(string phoneNumberId, string fromE164, string wamid, DateTimeOffset at, double latitude, double longitude) =>
        Message(phoneNumberId, fromE164, wamid, at, "Farmer", "location", new JsonObject
        {
            ["latitude"] = latitude, ["longitude"] = longitude, ["name"] = "Njiva", ["address"] = "Vukovar",
        });

    public static JsonObject ButtonReply(string phoneNumberId, string fromE164, string wamid, DateTimeOffset at, string id, string title, string contextId) =>
        Message(phoneNumberId, fromE164, wamid, at, "Farmer", "interactive", new JsonObject
        {
            ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = id, ["title"] = title },
        }, contextId);

    /// <summary>A delivery status of a message the business sent; errors only for "failed".</summary>
    public static JsonObject Status(string phoneNumberId, string wamid, string status, string recipientE164, DateTimeOffset at, int? errorCode = null, string? errorTitle = null)
    {
        var s = new JsonObject
        {
            ["id"] = wamid, ["status"] = status, ["timestamp"] = Unix(at), ["recipient_id"] = recipientE164.TrimStart('+'),
        };
        if (status != "failed")
            s["conversation"] = new JsonObject { ["id"] = "CONVERSATION_ID", ["origin"] = new JsonObject { ["type"] = "service" } };
        if (errorCode is { } code)
            s["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = code, ["title"] = errorTitle ?? "Message failed to send", ["message"] = errorTitle ?? "Message failed to send",
                ["error_data"] = new JsonObject { ["details"] = errorTitle ?? "Message failed to send" },
            });
        return Envelope(new JsonObject
        {
            ["messaging_product"] = "whatsapp", ["metadata"] = Metadata(phoneNumberId), ["statuses"] = new JsonArray(s),
        });
    }

    private static JsonObject Message(string phoneNumberId, string fromE164, string wamid, DateTimeOffset at, string name, string type, JsonObject content,
        string? contextId = null)
    {
        var from = fromE164.TrimStart('+');
        var message = new JsonObject { ["from"] = from, ["id"] = wamid, ["timestamp"] = Unix(at), ["type"] = type, [type] = content };
        if (contextId is not null) message["context"] = new JsonObject { ["from"] = "15550783881", ["id"] = contextId };
        return Envelope(new JsonObject
        {
            ["messaging_product"] = "whatsapp", ["metadata"] = Metadata(phoneNumberId),
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = name }, ["wa_id"] = from }),
            ["messages"] = new JsonArray(message),
        });
    }

    private static JsonObject Metadata(string phoneNumberId) => new() { ["display_phone_number"] = "15550783881", ["phone_number_id"] = phoneNumberId };

    private static JsonObject Envelope(JsonObject value) => new()
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = "102290129340398",
            ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
        }),
    };

    private static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
