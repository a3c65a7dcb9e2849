using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AvaOlo.AgriculturalCore.WhatsApp.Outbox;
using AvaOlo.Data.Entities;
using Microsoft.Extensions.Options;

namespace AvaOlo.AgriculturalCore.WhatsApp.Twilio;

/// <summary>
/// POST {TWILIO_API_URL}/2010-04-01/Accounts/{SID}/Messages.json, basic auth SID:token, From=whatsapp:{number}, To, Body,
/// and StatusCallback when PUBLIC_BASE_URL says where Twilio can reach us. Twilio's templates are Content SIDs, which
/// this part does not configure: outside the 24-hour window a Twilio reply is skipped (and the row says so).
/// </summary>
public sealed class TwilioSender(IHttpClientFactory http, IOptions<WhatsAppOptions> options) : IMessageSender
{
    public const string ClientName = "whatsapp-twilio";

    public string Provider => ChannelProviders.Twilio;
    public bool TemplateAvailable => false;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var url = new Uri($"{o.TwilioBase.ToString().TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(o.TwilioAccountSid!)}/Messages.json");
        var form = new List<KeyValuePair<string, string>>
        {
            new("From", "whatsapp:" + o.TwilioFrom), new("To", "whatsapp:" + message.Recipient), new("Body", message.Body),
        };
        if (o.PublicBaseUrl is { Length: > 0 } baseUrl) form.Add(new("StatusCallback", baseUrl.TrimEnd('/') + TwilioWebhook.StatusPath));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.TwilioAccountSid}:{o.TwilioAuthToken}")));
        return await ProviderCall.SendAsync(http.CreateClient(ClientName), request, ReadAsync, ct);
    }

    private static async Task<SendResult> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonNode? json = null;
        try { json = JsonNode.Parse(text); } catch (JsonException) { }
        if (response.IsSuccessStatusCode)
            return json?["sid"]?.GetValue<string>() is { Length: > 0 } sid ? new SendResult.Sent(sid) : new SendResult.Transient("Twilio accepted the message without a sid");
        return SendResult.Refused((int)response.StatusCode, json is null ? "no error details" : $"({json["code"]}) {json["message"]}");
    }
}
