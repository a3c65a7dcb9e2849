using AvaOlo.ChannelStandIns;

namespace AvaOlo.Resilience.Tests.WhatsApp;

/// <summary>The WhatsApp Cloud API settings a core process gets, pointed at a Graph API stand-in.</summary>
public static class Channel
{
    public const string AppSecret = "resilience-app-secret";
    public const string AccessToken = "resilience-access-token";
    public const string PhoneNumberId = "106540352242922";

    public static Task<CloudApiStandIn> StartStandInAsync() => CloudApiStandIn.StartAsync(AccessToken, PhoneNumberId, AppSecret);

    public static void AddTo(Dictionary<string, string> env, CloudApiStandIn graph)
    {
        env["WHATSAPP_APP_SECRET"] = AppSecret;
        env["WHATSAPP_VERIFY_TOKEN"] = "resilience-verify-token";
        env["WHATSAPP_ACCESS_TOKEN"] = AccessToken;
        env["WHATSAPP_PHONE_NUMBER_ID"] = PhoneNumberId;
        env["WHATSAPP_GRAPH_URL"] = graph.GraphUrl.ToString();
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, CoreProcess core, string fromE164, string wamid, string text) =>
        await CloudApiStandIn.PostSignedAsync(client, new Uri(core.BaseAddress, "/api/v1/whatsapp/webhook"), AppSecret,
            CloudApiPayloads.Text(PhoneNumberId, fromE164, wamid, text, DateTimeOffset.UtcNow));

    /// <summary>Replies per inbound id: exactly-once means every id maps to one.</summary>
    public static Dictionary<string, int> RepliesPerMessage(CloudApiStandIn graph) =>
        graph.Received.Where(m => m.ReplyTo is not null).GroupBy(m => m.ReplyTo!).ToDictionary(g => g.Key, g => g.Count());
}
