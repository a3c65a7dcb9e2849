using AvaOlo.AgriculturalCore.WhatsApp.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AvaOlo.AgriculturalCore.WhatsApp.Twilio;

/// <summary>
/// Twilio's WhatsApp webhooks: incoming messages (answered at once with empty TwiML; the reply goes out through the
/// REST API) and status callbacks. Both are signed (X-Twilio-Signature over the public URL and the sorted form).
/// </summary>
public static class TwilioWebhook
{
    private const string Variables = "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_WHATSAPP_NUMBER";
    public const string SignatureHeader = "X-Twilio-Signature";
    public const string StatusPath = "/api/v1/twilio/status";

    public static void MapTwilioWebhook(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/twilio").WithTags("WhatsApp").AllowAnonymous().DisableRateLimiting();
        group.MapPost("/webhook", (HttpRequest r, IOptions<WhatsAppOptions> o, NpgsqlDataSource d, ChannelCounters c, TimeProvider t, CancellationToken ct) =>
                ReceiveAsync(r, o.Value, d, c, t, TwilioForm.ParseMessage, twiml: true, ct))
            .WithName("TwilioWebhook").WithSummary("Twilio WhatsApp incoming messages (form post)")
            .WithDescription("Signed by Twilio (X-Twilio-Signature); stored durably, answered with empty TwiML; the reply follows through the REST API.");
        group.MapPost("/status", (HttpRequest r, IOptions<WhatsAppOptions> o, NpgsqlDataSource d, ChannelCounters c, TimeProvider t, CancellationToken ct) =>
                ReceiveAsync(r, o.Value, d, c, t, TwilioForm.ParseStatus, twiml: false, ct))
            .WithName("TwilioStatus").WithSummary("Twilio message status callbacks (MessageSid, MessageStatus)")
            .WithDescription("Our sends ask Twilio to call this (StatusCallback) when PUBLIC_BASE_URL is set; statuses only move forward.");
    }

    private static async Task<Results<ContentHttpResult, Ok, ProblemHttpResult>> ReceiveAsync(HttpRequest request, WhatsAppOptions o, NpgsqlDataSource data,
        ChannelCounters counters, TimeProvider clock, Func<IReadOnlyDictionary<string, string>, (Notification?, NotificationError?)> parse, bool twiml,
        CancellationToken ct)
    {
        if (!o.TwilioEnabled) return WebhookBody.Off("Twilio WhatsApp", Variables);
        if (!request.HasFormContentType || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
            return TypedResults.Problem(statusCode: 415, title: "Unsupported media type", detail: "content-type: Twilio posts application/x-www-form-urlencoded");
        var body = await WebhookBody.ReadAsync(request, ct);
        if (body is null) return WebhookBody.TooLarge();
        Dictionary<string, string> fields;
        try { fields = (await new FormReader(new MemoryStream(body)).ReadFormAsync(ct)).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal); }
        catch (InvalidDataException e) { return WebhookBody.Invalid(new("body", $"is not a valid form ({e.Message})")); }
        if (!SignatureValid(o, PublicUrl(request, o), fields, request.Headers[SignatureHeader].ToString()))
        {
            counters.SignatureFailed(AvaOlo.Data.Entities.ChannelProviders.Twilio);
            return WebhookBody.BadSignature(SignatureHeader);
        }
        var (notification, error) = parse(fields);
        if (notification is null) return WebhookBody.Invalid(error!);
        await InboxStore.StoreAsync(data, notification, clock.GetUtcNow(), ct);
        counters.Received(notification.Messages.Count);
        return twiml ? TypedResults.Text("<Response/>", "text/xml") : TypedResults.Ok();
    }

    private static bool SignatureValid(WhatsAppOptions o, string url, Dictionary<string, string> fields, string signature)
    {
        if (signature.Length == 0) return false;
        try { return new global::Twilio.Security.RequestValidator(o.TwilioAuthToken).Validate(url, fields, signature); }
        catch (Exception e) when (e is FormatException or ArgumentException) { return false; }
    }

    /// <summary>The URL Twilio called and signed: behind a load balancer it is PUBLIC_BASE_URL's, not the one we see.</summary>
    public static string PublicUrl(HttpRequest request, WhatsAppOptions o)
    {
        var path = request.PathBase + request.Path + request.QueryString;
        return o.PublicBaseUrl is { Length: > 0 } b ? b.TrimEnd('/') + path : $"{request.Scheme}://{request.Host}{path}";
    }
}
