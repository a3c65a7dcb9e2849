using System.Globalization;
using System.Text.Json;
using AvaOlo.AgriculturalCore.WhatsApp.Inbox;
using AvaOlo.AgriculturalCore.WhatsApp.Outbox;
using AvaOlo.Data;
using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.WhatsApp.CloudApi;

/// <summary>
/// Reads a Cloud API notification (object "whatsapp_business_account", entry[].changes[].value with messages[],
/// statuses[], metadata and contacts). Every message and status is read before anything is stored, so a body with one
/// bad part is refused whole. Message types we do not answer yet are still read (their JSON is kept).
/// </summary>
public static class CloudApiNotification
{
    public static (Notification? Value, NotificationError? Error) Parse(ReadOnlySpan<byte> body)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 32 }); }
        catch (JsonException e) { return (null, new("body", $"is not valid JSON ({e.Message.Split('.')[0]})")); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Fail("body", "must be a JSON object");
            if (Str(root, "object") != "whatsapp_business_account") return Fail("object", "must be \"whatsapp_business_account\"");
            if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array) return Fail("entry", "must be an array");
            var messages = new List<InboundItem>();
            var statuses = new List<StatusItem>();
            var e = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var at = $"entry[{e++}]";
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
                    return Fail($"{at}.changes", "must be an array");
                var c = 0;
                foreach (var change in changes.EnumerateArray())
                {
                    var path = $"{at}.changes[{c++}].value";
                    if (change.ValueKind != JsonValueKind.Object || !change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
                        return Fail(path, "must be an object");
                    var recipient = value.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object ? Str(meta, "phone_number_id") : null;
                    if (ReadMessages(value, path, recipient, messages) is { } bad) return (null, bad);
                    if (ReadStatuses(value, path, statuses) is { } badStatus) return (null, badStatus);
                }
            }
            return (new Notification(messages, statuses), null);
        }
    }

    private static NotificationError? ReadMessages(JsonElement value, string path, string? recipient, List<InboundItem> into)
    {
        if (!value.TryGetProperty("messages", out var list)) return null;
        if (list.ValueKind != JsonValueKind.Array) return new($"{path}.messages", "must be an array");
        var i = 0;
        foreach (var m in list.EnumerateArray())
        {
            var at = $"{path}.messages[{i++}]";
            if (m.ValueKind != JsonValueKind.Object) return new(at, "must be an object");
            var id = Str(m, "id");
            var type = Str(m, "type");
            if (string.IsNullOrWhiteSpace(id) || id.Length > 128) return new($"{at}.id", "must be the message id (wamid…), at most 128 characters");
            if (string.IsNullOrWhiteSpace(type) || type.Length > 32) return new($"{at}.type", "must name the message type");
            // Meta gives the sender's number as digits without "+".
            var phone = Phones.Parse("+" + Str(m, "from"));
            if (!phone.IsValid) return new($"{at}.from", $"must be the sender's number in international digits: it {phone.Error}");
            var (mediaRef, mediaType) = MediaOf(m, type);
            if (mediaRef is { Length: > 256 }) return new($"{at}.{type}.id", "must be the media id, at most 256 characters");
            into.Add(new InboundItem(ChannelProviders.Meta, id, phone.E164!, phone.Country, recipient, type, TextOf(m, type),
                m.GetRawText(), Timestamp(m), mediaRef, mediaType?[..Math.Min(mediaType.Length, 128)]));
        }
        return null;
    }

    private static NotificationError? ReadStatuses(JsonElement value, string path, List<StatusItem> into)
    {
        if (!value.TryGetProperty("statuses", out var list)) return null;
        if (list.ValueKind != JsonValueKind.Array) return new($"{path}.statuses", "must be an array");
        var i = 0;
        foreach (var s in list.EnumerateArray())
        {
            var at = $"{path}.statuses[{i++}]";
            if (s.ValueKind != JsonValueKind.Object) return new(at, "must be an object");
            var id = Str(s, "id");
            if (string.IsNullOrWhiteSpace(id) || id.Length > 128) return new($"{at}.id", "must be the message id (wamid…)");
            var raw = Str(s, "status");
            if (string.IsNullOrWhiteSpace(raw)) return new($"{at}.status", "is required");
            // Statuses we do not track (e.g. "deleted", "warning") are acknowledged and not stored.
            if (StatusRules.Normalize(raw) is not { } status) continue;
            into.Add(new StatusItem(ChannelProviders.Meta, id, status, Timestamp(s), ErrorOf(s)));
        }
        return null;
    }

    /// <summary>The words in the message: a text's body, a caption, a button's title; null for media without words.</summary>
    private static string? TextOf(JsonElement m, string type)
    {
        if (!m.TryGetProperty(type, out var part) || part.ValueKind != JsonValueKind.Object) return null;
        return type switch
        {
            "text" => Str(part, "body"),
            "button" => Str(part, "text"),
            "interactive" => (part.TryGetProperty("button_reply", out var b) || part.TryGetProperty("list_reply", out b)) && b.ValueKind == JsonValueKind.Object
                ? Str(b, "title") : null,
            _ => Str(part, "caption"),
        };
    }

    /// <summary>The media id and MIME type of a voice note, photo, video, document or sticker.</summary>
    private static (string? Id, string? MimeType) MediaOf(JsonElement m, string type) =>
        type is "audio" or "voice" or "image" or "video" or "document" or "sticker" && m.TryGetProperty(type, out var part) && part.ValueKind == JsonValueKind.Object
            ? (Str(part, "id"), Str(part, "mime_type")) : (null, null);

    private static string? ErrorOf(JsonElement s)
    {
        if (!s.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array) return null;
        var parts = errors.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).Select(x =>
        {
            var code = x.TryGetProperty("code", out var c) ? c.ToString() : "?";
            var details = x.TryGetProperty("error_data", out var d) && d.ValueKind == JsonValueKind.Object ? Str(d, "details") : null;
            return $"{code} {Str(x, "title") ?? Str(x, "message")}{(details is null ? "" : $": {details}")}";
        });
        var text = string.Join("; ", parts);
        return text.Length == 0 ? null : text[..Math.Min(text.Length, 2000)];
    }

    private static DateTimeOffset? Timestamp(JsonElement e) =>
        long.TryParse(Str(e, "timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var unix) && unix is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(unix) : null;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null } : null;

    private static (Notification?, NotificationError?) Fail(string field, string reason) => (null, new(field, reason));
}
