using System.Text.Json.Nodes;

namespace AvaOlo.Testing;

/// <summary>An image a chat request carried: its media type and bytes (from a data: URL), or the URL it points at.</summary>
public sealed record ReceivedImage(string? MediaType, byte[]? Bytes, string? Url, string? Detail);

/// <summary>
/// Image content in OpenAI's chat shape: a user message's content is an array of parts, text parts
/// <c>{"type":"text","text":…}</c> and image parts <c>{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,…","detail":…}}</c>
/// (or an https URL). Read as OpenAI reads it: a part that is not one of these, or a data URL that is not base64, is refused.
/// </summary>
public static class FakeModelImages
{
    /// <summary>The images of every message in a request, in order; an error (OpenAI's wording) when a part is malformed.</summary>
    public static (List<ReceivedImage> Images, string? Error) Read(JsonNode request)
    {
        var images = new List<ReceivedImage>();
        foreach (var message in request["messages"]?.AsArray() ?? [])
        {
            if (message?["content"] is not JsonArray parts) continue;
            foreach (var part in parts)
            {
                var type = part?["type"]?.GetValue<string>();
                if (type == "text" && part!["text"] is JsonValue) continue;
                if (type != "image_url") return (images, $"Invalid content part type: '{type}'");
                if (part!["image_url"]?["url"]?.GetValue<string>() is not { Length: > 0 } url) return (images, "Missing required parameter: 'image_url.url'.");
                var detail = part["image_url"]?["detail"]?.GetValue<string>();
                if (url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal))
                {
                    images.Add(new ReceivedImage(null, null, url, detail));
                    continue;
                }
                // data:<media type>;base64,<data>
                var comma = url.IndexOf(',', StringComparison.Ordinal);
                var head = comma > 5 && url.StartsWith("data:", StringComparison.Ordinal) ? url[5..comma] : null;
                if (head is null || !head.EndsWith(";base64", StringComparison.Ordinal)) return (images, "Invalid image URL: expected a base64 data URL or an https URL.");
                try { images.Add(new ReceivedImage(head[..^7], Convert.FromBase64String(url[(comma + 1)..]), null, detail)); }
                catch (FormatException) { return (images, "Invalid base64 image data."); }
            }
        }
        return (images, null);
    }

    /// <summary>The text parts (or plain string content) of the request's user messages, for scripts that read the question.</summary>
    public static string UserText(JsonNode request) => string.Join("\n", (request["messages"]?.AsArray() ?? [])
        .Where(m => m?["role"]?.GetValue<string>() == "user")
        .Select(m => m!["content"] switch
        {
            JsonArray parts => string.Join("\n", parts.Where(p => p?["type"]?.GetValue<string>() == "text").Select(p => p!["text"]!.GetValue<string>())),
            JsonValue v => v.GetValue<string>(),
            _ => "",
        }));
}
