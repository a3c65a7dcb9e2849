using AvaOlo.AgriculturalCore.WhatsApp.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AvaOlo.AgriculturalCore.WhatsApp.CloudApi;

/// <summary>Meta's webhook: the subscription handshake (GET) and signed notifications (POST), stored before 200.</summary>
public static class CloudApiWebhook
{
    private const string Variables = "WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID";

    public static void MapCloudApiWebhook(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/whatsapp").WithTags("WhatsApp").AllowAnonymous().DisableRateLimiting();
        group.MapGet("/webhook", Verify).WithName("WhatsAppWebhookVerify")
            .WithSummary("Meta's webhook verification handshake")
            .WithDescription("When hub.mode=subscribe and hub.verify_token equals WHATSAPP_VERIFY_TOKEN, answers 200 with hub.challenge as text/plain; else 403.");
        group.MapPost("/webhook", ReceiveAsync).WithName("WhatsAppWebhook")
            .WithSummary("WhatsApp Cloud API notifications: messages and delivery statuses")
            .WithDescription("Signed by Meta (X-Hub-Signature-256 over the raw body); stored durably, then 200. Repeats of a message id are stored once. " +
                "401 bad signature, 400 not a notification, 413 over 1 MB, 503 database unavailable (Meta retries), 404 when the channel is off.");
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Verify(HttpRequest request, IOptions<WhatsAppOptions> options)
    {
        var o = options.Value;
        if (!o.MetaEnabled) return WebhookBody.Off("WhatsApp Cloud API", Variables);
        var q = request.Query;
        if (q["hub.mode"] == "subscribe" && WebhookSignature.TokenMatches(o.VerifyToken!, q["hub.verify_token"]) && q["hub.challenge"].ToString() is { Length: > 0 and <= 256 } challenge)
            return TypedResults.Text(challenge, "text/plain");
        return TypedResults.Problem(statusCode: 403, title: "Verification refused", detail: "hub.mode must be subscribe and hub.verify_token must match.");
    }

    private static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, IOptions<WhatsAppOptions> options, NpgsqlDataSource data, ChannelCounters counters, TimeProvider clock, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.MetaEnabled) return WebhookBody.Off("WhatsApp Cloud API", Variables);
        var body = await WebhookBody.ReadAsync(request, ct);
        if (body is null) return WebhookBody.TooLarge();
        if (!WebhookSignature.IsValid(o.AppSecret!, body, request.Headers[WebhookSignature.Header]))
        {
            counters.SignatureFailed(AvaOlo.Data.Entities.ChannelProviders.Meta);
            return WebhookBody.BadSignature(WebhookSignature.Header);
        }
        var (notification, error) = CloudApiNotification.Parse(body);
        if (notification is null) return WebhookBody.Invalid(error!);
        await InboxStore.StoreAsync(data, notification, clock.GetUtcNow(), ct);
        counters.Received(notification.Messages.Count);
        return TypedResults.Ok();
    }
}
