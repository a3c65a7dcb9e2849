using System.Net;
using AvaOlo.ChannelStandIns;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.Resilience.Tests.WhatsApp;

/// <summary>
/// The database stops while acknowledged messages are still waiting: the webhook answers 503 (so the provider retries)
/// and never 200 without storing; after the database is back every acknowledged message and every retried one is
/// answered exactly once. A scratch PostgreSQL cluster of its own (bench/lib/pg-scratch.sh), never the shared one.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class ChannelOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly int _pgPort = Scripts.FreePort();
    private readonly string _password = Guid.NewGuid().ToString("N");
    private DatabaseOptions _db = null!;

    private string Port => _pgPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        await Scripts.RunAsync("bench/lib/pg-scratch.sh", "up", Port, _password);
        _db = new DatabaseOptions { Host = "127.0.0.1", Port = _pgPort, Name = "avaolo_channel_faults", User = "avaolo", Password = _password, SslMode = "Disable" };
        await Migrator.MigrateAsync(_db, _ => { }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await Scripts.RunAsync("bench/lib/pg-scratch.sh", "destroy", Port);
    }

    [Fact]
    public async Task During_an_outage_the_webhook_is_503_and_afterwards_every_acknowledged_message_is_answered_once()
    {
        await using var graph = await Channel.StartStandInAsync();
        graph.SendStatuses = false;
        var env = new Dictionary<string, string>
        {
            ["DB_HOST"] = "127.0.0.1", ["DB_PORT"] = Port, ["DB_NAME"] = _db.Name, ["DB_USER"] = "avaolo", ["DB_PASSWORD"] = _password, ["DB_SSL_MODE"] = "Disable",
        };
        Channel.AddTo(env, graph);
        await using var core = await CoreProcess.StartAsync(env);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        // 20 messages of one farmer (answered one at a time), then at once the database goes away: some are still waiting.
        var acknowledged = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var wamid = CloudApiPayloads.NewMessageId();
            Assert.Equal(HttpStatusCode.OK, (await Channel.SendAsync(client, core, "+385911234567", wamid, $"Pitanje broj {i}: kada sijati kukuruz?")).StatusCode);
            acknowledged.Add(wamid);
        }
        await Scripts.RunAsync("bench/lib/pg-scratch.sh", "stop", Port);
        var answeredBefore = Channel.RepliesPerMessage(graph).Count;

        var refused = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var wamid = CloudApiPayloads.NewMessageId();
            var response = await Channel.SendAsync(client, core, "+38640123456", wamid, $"Vprašanje {i}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            refused.Add(wamid);
        }

        await Scripts.RunAsync("bench/lib/pg-scratch.sh", "start", Port);
        // Meta retries what was refused; the first retries may still meet the reconnecting pool.
        foreach (var wamid in refused)
        {
            var until = DateTime.UtcNow.AddSeconds(30);
            HttpStatusCode status;
            do
            {
                status = (await Channel.SendAsync(client, core, "+38640123456", wamid, "Vprašanje (retry)")).StatusCode;
                if (status != HttpStatusCode.OK) await Task.Delay(500);
            } while (status != HttpStatusCode.OK && DateTime.UtcNow < until);
            Assert.Equal(HttpStatusCode.OK, status);
        }

        var everything = acknowledged.Concat(refused).ToHashSet();
        await graph.WaitForAsync(m => m.ReplyTo is not null && everything.Contains(m.ReplyTo), everything.Count, TimeSpan.FromSeconds(120));
        await Task.Delay(3000);
        var replies = Channel.RepliesPerMessage(graph);
        output.WriteLine($"figures: {answeredBefore} of 20 answered before the outage; after it {replies.Count} of {everything.Count} answered");
        Assert.Equal(everything.OrderBy(x => x), replies.Keys.OrderBy(x => x));
        Assert.All(replies, r => Assert.Equal(1, r.Value));
        Assert.Equal(acknowledged, graph.Received.Where(m => m.To == "+385911234567").Select(m => m.ReplyTo)); // still in order
        Assert.False(core.Output.Contains("\"status\":500", StringComparison.Ordinal));

        await using var context = new AvaOloDbContext(new DbContextOptionsBuilder<AvaOloDbContext>()
            .UseNpgsql(new Npgsql.NpgsqlConnectionStringBuilder(_db.ToConnectionString()) { Pooling = false }.ConnectionString).UseSnakeCaseNamingConvention().Options);
        Assert.Equal(25, await context.WhatsAppInbox.CountAsync(i => i.State == InboxStates.Answered));
    }
}
