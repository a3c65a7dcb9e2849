using Microsoft.AspNetCore.Http.HttpResults;

namespace AvaOlo.AgriculturalCore.WhatsApp;

/// <summary>Webhook plumbing both providers share: the raw body, bounded, and their problem answers.</summary>
internal static class WebhookBody
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The raw bytes as sent (the signature covers exactly these), or null when over 1 MB.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) return null;
        using var buffer = new MemoryStream(request.ContentLength is { } n ? (int)n : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: 413, title: "Request body too large", detail: $"body: a webhook body may be at most {MaxBytes / 1024} KB");

    public static ProblemHttpResult Off(string channel, string variables) =>
        TypedResults.Problem(statusCode: 404, title: "Channel not configured",
            detail: $"The {channel} channel is off on this service; set {variables} to turn it on.");

    public static ProblemHttpResult BadSignature(string header) =>
        TypedResults.Problem(statusCode: 401, title: "Invalid signature", detail: $"{header}: missing or does not match the body; nothing was stored.");

    public static ProblemHttpResult Invalid(Inbox.NotificationError error) =>
        TypedResults.Problem(statusCode: 400, title: "Invalid notification", detail: $"{error.Field}: {error.Reason}; nothing was stored.",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [error.Field] = [error.Reason] } });
}
