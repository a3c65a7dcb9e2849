using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using AvaOlo.AgriculturalCore.WhatsApp.Outbox;
using AvaOlo.Data.Entities;
using Microsoft.Extensions.Options;

namespace AvaOlo.AgriculturalCore.WhatsApp.CloudApi;

/// <summary>
/// POST {WHATSAPP_GRAPH_URL}/{WHATSAPP_PHONE_NUMBER_ID}/messages with the bearer access token: a text, the reply
/// template (outside the 24-hour window) or reply buttons, in the documented shapes. The token never reaches a log.
/// </summary>
public sealed class CloudApiSender(IHttpClientFactory http, IOptions<WhatsAppOptions> options) : IMessageSender
{
    public const string ClientName = "whatsapp-cloud-api";

    public string Provider => ChannelProviders.Meta;
    public bool TemplateAvailable => options.Value.ReplyTemplate is not null;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var url = new Uri($"{o.GraphBase.ToString().TrimEnd('/')}/{Uri.EscapeDataString(o.PhoneNumberId!)}/messages");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent(Body(message, o)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.AccessToken);
        return await ProviderCall.SendAsync(http.CreateClient(ClientName), request, ReadAsync, ct);
    }

    public static JsonObject Body(OutgoingMessage m, WhatsAppOptions o)
    {
        var body = new JsonObject { ["messaging_product"] = "whatsapp", ["recipient_type"] = "individual", ["to"] = m.Recipient.TrimStart('+') };
        if (m.ReplyTo is not null) body["context"] = new JsonObject { ["message_id"] = m.ReplyTo };
        if (m.Mode == SendMode.Template && o.ReplyTemplate is var (name, language))
        {
            body["type"] = "template";
            body["template"] = new JsonObject
            {
                ["name"] = name, ["language"] = new JsonObject { ["code"] = language },
                ["components"] = new JsonArray(new JsonObject
                {
                    ["type"] = "body", ["parameters"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = m.Body }),
                }),
            };
        }
        else if (m.Kind == "interactive" && m.ButtonsJson is not null)
        {
            var buttons = JsonNode.Parse(m.ButtonsJson)!.AsArray().Select(b => (JsonNode)new JsonObject
            {
                ["type"] = "reply", ["reply"] = new JsonObject { ["id"] = b!["id"]!.GetValue<string>(), ["title"] = b["title"]!.GetValue<string>() },
            });
            body["type"] = "interactive";
            body["interactive"] = new JsonObject
            {
                ["type"] = "button", ["body"] = new JsonObject { ["text"] = m.Body }, ["action"] = new JsonObject { ["buttons"] = new JsonArray([.. buttons]) },
            };
        }
        else
        {
            body["type"] = "text";
            body["text"] = new JsonObject { ["preview_url"] = false, ["body"] = m.Body };
        }
        return body;
    }

    private static async Task<SendResult> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonNode? json = null;
        try { json = JsonNode.Parse(text); } catch (JsonException) { }
        if (response.IsSuccessStatusCode)
            return json?["messages"]?[0]?["id"]?.GetValue<string>() is { Length: > 0 } id
                ? new SendResult.Sent(id) : new SendResult.Transient("the Graph API accepted the message without a message id");
        var error = json?["error"];
        var detail = error is null ? "no error details" : $"({error["code"]}) {error["message"]}";
        return SendResult.Refused((int)response.StatusCode, detail);
    }

    private static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
