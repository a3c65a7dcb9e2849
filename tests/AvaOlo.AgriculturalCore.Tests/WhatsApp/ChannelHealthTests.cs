using System.Net;
using System.Text.Json;
using AvaOlo.ChannelStandIns;
using AvaOlo.Testing;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>/health's channels object, and a channel that is off.</summary>
public sealed class ChannelHealthTests(TestDatabase database) : WhatsAppTestBase(database)
{
    [Fact]
    public async Task Health_shows_each_provider_with_its_last_message_queue_and_signature_failures()
    {
        var wamid = CloudApiPayloads.NewMessageId();
        await PostSignedAsync(CloudApiPayloads.Text(PhoneNumberId, "+385911234567", wamid, "Dobar dan", DateTimeOffset.UtcNow));
        await PostRawAsync("{}"u8.ToArray(), "sha256=" + new string('a', 64));
        await Meta.WaitForAsync(m => m.ReplyTo == wamid, 1, TimeSpan.FromSeconds(30));

        var health = JsonDocument.Parse(await Client.GetStringAsync(new Uri(Factory.BaseAddress, "/health"))).RootElement;
        Assert.Equal("ok", health.GetProperty("status").GetString());
        var meta = health.GetProperty("channels").GetProperty("whatsapp_cloud_api");
        Assert.True(meta.GetProperty("configured").GetBoolean());
        Assert.True(meta.GetProperty("last_message_at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(0, meta.GetProperty("inbox_pending").GetInt64());
        Assert.Equal(1, meta.GetProperty("signature_failures").GetInt64());
        var twilio = health.GetProperty("channels").GetProperty("twilio_whatsapp");
        Assert.True(twilio.GetProperty("configured").GetBoolean());
        Assert.Equal(JsonValueKind.Null, twilio.GetProperty("last_message_at").ValueKind);
    }

    [Collection(TestDatabaseCollection.Name)]
    public sealed class Off(TestDatabase database) : IAsyncLifetime
    {
        public Task InitializeAsync() => World.CreateAsync(database);
        public Task DisposeAsync() => Task.CompletedTask;

        [Fact]
        public async Task Without_its_variables_a_provider_is_off_its_webhooks_404_and_health_says_so()
        {
            await using var core = new ServiceHost<Program>(database);
            using var client = core.Client();
            var meta = await client.PostAsync("/api/v1/whatsapp/webhook", new StringContent("{}"));
            Assert.Equal(HttpStatusCode.NotFound, meta.StatusCode);
            Assert.Contains("WHATSAPP_APP_SECRET", await meta.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=&hub.challenge=1")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/twilio/webhook", new FormUrlEncodedContent([]))).StatusCode);
            var channels = JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement.GetProperty("channels");
            Assert.False(channels.GetProperty("whatsapp_cloud_api").GetProperty("configured").GetBoolean());
            Assert.False(channels.GetProperty("twilio_whatsapp").GetProperty("configured").GetBoolean());
        }
    }
}
