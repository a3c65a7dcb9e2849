using System.Globalization;
using System.Text.Json;
using AvaOlo.AgriculturalCore.WhatsApp.Inbox;
using AvaOlo.AgriculturalCore.WhatsApp.Outbox;
using AvaOlo.Data;
using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.WhatsApp.Twilio;

/// <summary>
/// Reads Twilio's form posts: an incoming WhatsApp message (From/To as whatsapp:+E164, Body, MessageSid, NumMedia,
/// MediaUrl0/MediaContentType0, Latitude/Longitude, ButtonPayload/ButtonText) or a status callback (MessageSid,
/// MessageStatus, ErrorCode).
/// </summary>
public static class TwilioForm
{
    public static (Notification? Value, NotificationError? Error) ParseMessage(IReadOnlyDictionary<string, string> f)
    {
        var sid = f.GetValueOrDefault("MessageSid") ?? f.GetValueOrDefault("SmsMessageSid");
        if (string.IsNullOrWhiteSpace(sid) || sid.Length > 64) return (null, new("MessageSid", "is required (the message's SM… or MM… id)"));
        var from = f.GetValueOrDefault("From");
        if (from is null || !from.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase)) return (null, new("From", "must be whatsapp:+E164"));
        var phone = Phones.Parse(from["whatsapp:".Length..]);
        if (!phone.IsValid) return (null, new("From", $"must be whatsapp:+E164: the number {phone.Error}"));
        var media = int.TryParse(f.GetValueOrDefault("NumMedia"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var type = TypeOf(f, media);
        var text = f.GetValueOrDefault("ButtonText") is { Length: > 0 } button ? button : f.GetValueOrDefault("Body");
        var payload = JsonSerializer.Serialize(f.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value));
        var mediaUrl = media > 0 ? f.GetValueOrDefault("MediaUrl0") : null;
        if (mediaUrl is { Length: > 2048 }) return (null, new("MediaUrl0", "must be at most 2048 characters"));
        var mediaType = media > 0 ? f.GetValueOrDefault("MediaContentType0") : null;
        var item = new InboundItem(ChannelProviders.Twilio, sid, phone.E164!, phone.Country, f.GetValueOrDefault("To"), type,
            string.IsNullOrEmpty(text) ? null : text, payload, null, mediaUrl, mediaType?[..Math.Min(mediaType.Length, 128)]);
        return (new Notification([item], []), null);
    }

    public static (Notification? Value, NotificationError? Error) ParseStatus(IReadOnlyDictionary<string, string> f)
    {
        var sid = f.GetValueOrDefault("MessageSid");
        if (string.IsNullOrWhiteSpace(sid) || sid.Length > 64) return (null, new("MessageSid", "is required"));
        var raw = f.GetValueOrDefault("MessageStatus");
        if (string.IsNullOrWhiteSpace(raw)) return (null, new("MessageStatus", "is required"));
        // queued, sending, accepted… say nothing new to us: acknowledged, not stored.
        if (StatusRules.Normalize(raw) is not { } status) return (new Notification([], []), null);
        var error = f.GetValueOrDefault("ErrorCode") is { Length: > 0 } code ? $"{code} {f.GetValueOrDefault("ErrorMessage")}".Trim() : null;
        return (new Notification([], [new StatusItem(ChannelProviders.Twilio, sid, status, null, error)]), null);
    }

    private static string TypeOf(IReadOnlyDictionary<string, string> f, int media)
    {
        if (media > 0)
        {
            var contentType = f.GetValueOrDefault("MediaContentType0") ?? "";
            var slash = contentType.IndexOf('/', StringComparison.Ordinal);
            var kind = slash > 0 ? contentType[..slash].ToLowerInvariant() : "document";
            return kind is "audio" or "image" or "video" ? kind : "document";
        }
        if (f.ContainsKey("Latitude") && f.ContainsKey("Longitude")) return "location";
        if (f.ContainsKey("ButtonPayload")) return "button";
        return "text";
    }
}
