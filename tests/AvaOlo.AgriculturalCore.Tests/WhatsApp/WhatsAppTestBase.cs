using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AvaOlo.ChannelStandIns;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>
/// The core on Kestrel with both WhatsApp providers on, each pointed at its stand-in (Meta's Graph API, Twilio's REST
/// API) on a real port. Farmers A (+385911234567, hr) and B (+38640123456, sl) come from <see cref="World"/>.
/// Twilio's signed URL is PUBLIC_BASE_URL's, as behind a load balancer; its status callbacks are posted by the tests.
/// </summary>
[Collection(TestDatabaseCollection.Name)]
public abstract class WhatsAppTestBase(TestDatabase database) : IAsyncLifetime
{
    protected const string AppSecret = "test-app-secret-0123456789";
    protected const string VerifyToken = "test-verify-token";
    protected const string AccessToken = "test-access-token";
    protected const string PhoneNumberId = "106540352242922";
    protected const string TwilioSid = "AC00000000000000000000000000000001";
    protected const string TwilioToken = "test-twilio-auth-token";
    protected const string TwilioNumber = "+14155238886";
    protected const string PublicBaseUrl = "https://avaolo.example.org";

    protected TestDatabase Database { get; } = database;
    protected ServiceHost<Program> Factory { get; private set; } = null!;
    protected World W { get; private set; } = null!;
    protected CloudApiStandIn Meta { get; private set; } = null!;
    protected TwilioStandIn Twilio { get; private set; } = null!;
    protected HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>The core's settings, for a test that starts a second instance beside <see cref="Factory"/>.</summary>
    protected IReadOnlyDictionary<string, string?> Settings { get; private set; } = null!;

    /// <summary>True to seed the real demo data (<see cref="D"/>) instead of <see cref="World"/>.</summary>
    protected virtual bool DemoData => false;
    protected Assistant.Demo D { get; private set; } = null!;

    /// <summary>True to start a fake model server (<see cref="Model"/>) and point OPENAI_BASE_URL at it.</summary>
    protected virtual bool WithModel => false;
    protected FakeModelServer? Model { get; private set; }

    public async Task InitializeAsync()
    {
        if (DemoData) D = await Assistant.Demo.CreateAsync(Database);
        else W = await World.CreateAsync(Database);
        Meta = await CloudApiStandIn.StartAsync(AccessToken, PhoneNumberId, AppSecret);
        Twilio = await TwilioStandIn.StartAsync(TwilioSid, TwilioToken);
        Twilio.SendStatuses = false; // its callbacks would go to PUBLIC_BASE_URL, which is not this machine
        var settings = new Dictionary<string, string?>
        {
            ["WHATSAPP_APP_SECRET"] = AppSecret, ["WHATSAPP_VERIFY_TOKEN"] = VerifyToken, ["WHATSAPP_ACCESS_TOKEN"] = AccessToken,
            ["WHATSAPP_PHONE_NUMBER_ID"] = PhoneNumberId, ["WHATSAPP_GRAPH_URL"] = Meta.GraphUrl.ToString(),
            ["TWILIO_ACCOUNT_SID"] = TwilioSid, ["TWILIO_AUTH_TOKEN"] = TwilioToken, ["TWILIO_WHATSAPP_NUMBER"] = TwilioNumber,
            ["TWILIO_API_URL"] = Twilio.Address.ToString(), ["PUBLIC_BASE_URL"] = PublicBaseUrl,
        };
        if (WithModel)
        {
            Model = new FakeModelServer();
            settings["OPENAI_BASE_URL"] = Model.BaseUrl.ToString();
            settings["OPENAI_MODEL"] = "fake-model";
            settings["LLM_TIMEOUT_SECONDS"] = "5";
            settings["LLM_DEADLINE_SECONDS"] = "10";
        }
        foreach (var (k, v) in ExtraSettings) settings[k] = v;
        Settings = settings;
        Factory = new ServiceHost<Program>(Database, settings);
        Meta.Webhook = Webhook;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Meta.DisposeAsync();
        await Twilio.DisposeAsync();
        if (Model is not null) await Model.DisposeAsync();
        Client.Dispose();
    }

    protected Uri Webhook => new(Factory.BaseAddress, "/api/v1/whatsapp/webhook");

    protected Task<HttpResponseMessage> PostSignedAsync(JsonObject notification) => CloudApiStandIn.PostSignedAsync(Client, Webhook, AppSecret, notification);

    /// <summary>Posts raw bytes with the given signature header (or none).</summary>
    protected async Task<HttpResponseMessage> PostRawAsync(byte[] body, string? signature, string contentType = "application/json")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, Webhook) { Content = content };
        if (signature is not null) request.Headers.Add("X-Hub-Signature-256", signature);
        return await Client.SendAsync(request);
    }

    protected static byte[] Bytes(JsonObject json) => Encoding.UTF8.GetBytes(json.ToJsonString());

    /// <summary>A Twilio form post, signed over PUBLIC_BASE_URL + path as Twilio would sign it behind our load balancer.</summary>
    protected Task<HttpResponseMessage> PostTwilioAsync(string path, IReadOnlyList<KeyValuePair<string, string>> form, string? token = TwilioToken) =>
        TwilioStandIn.PostSignedAsync(Client, new Uri(Factory.BaseAddress, path), token ?? "", form, PublicBaseUrl + path);

    protected static List<KeyValuePair<string, string>> TwilioMessage(string sid, string fromE164, string body) =>
    [
        new("AccountSid", TwilioSid), new("ApiVersion", "2010-04-01"), new("Body", body), new("From", "whatsapp:" + fromE164),
        new("MessageSid", sid), new("NumMedia", "0"), new("NumSegments", "1"), new("ProfileName", "Farmer"), new("SmsMessageSid", sid),
        new("SmsSid", sid), new("SmsStatus", "received"), new("To", "whatsapp:" + TwilioNumber), new("WaId", fromE164.TrimStart('+')),
    ];

    protected async Task<int> InboxCountAsync()
    {
        await using var db = Database.CreateContext();
        return await db.WhatsAppInbox.CountAsync();
    }

    /// <summary>Waits for the outbox rows of an inbound message to reach a state matching <paramref name="done"/>.</summary>
    protected async Task<List<Data.Entities.OutboundMessage>> OutboxAsync(string inboundId, Func<List<Data.Entities.OutboundMessage>, bool> done, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            await using var db = Database.CreateContext();
            var rows = await db.WhatsAppOutbox.AsNoTracking()
                .Where(o => db.WhatsAppInbox.Any(i => i.Id == o.InboxId && i.ProviderMessageId == inboundId)).OrderBy(o => o.Part).ToListAsync();
            if (done(rows) || DateTime.UtcNow > until) return rows;
            await Task.Delay(100);
        }
    }
}
