using System.Net;
using AvaOlo.ChannelStandIns;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.Resilience.Tests.WhatsApp;

/// <summary>
/// kill -9 of a core process while it processes a message (the model is slow, so the message is caught mid-answer):
/// a new process picks the message up when the dead one's lease runs out, and the farmer gets exactly one answer.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class KillTests(TestDatabase db, ITestOutputHelper output)
{
    [Fact]
    public async Task A_message_being_processed_when_its_instance_is_killed_is_answered_exactly_once_by_the_next()
    {
        await db.ResetAsync();
        await using var graph = await Channel.StartStandInAsync();
        await using var model = new FakeModelServer { Default = FakeReply.Delayed(TimeSpan.FromSeconds(120), FakeReply.Text("Karenca za Prosaro u pšenici je 42 dana.")) };
        var env = ServiceWithTestDatabase.Env(db, ("OPENAI_BASE_URL", model.BaseUrl.ToString()), ("OPENAI_MODEL", "fake-slow"));
        Channel.AddTo(env, graph);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var first = await CoreProcess.StartAsync(env);
        graph.Webhook = new Uri(first.BaseAddress, "/api/v1/whatsapp/webhook");
        var wamid = CloudApiPayloads.NewMessageId();
        Assert.Equal(HttpStatusCode.OK, (await Channel.SendAsync(client, first, "+385911234567", wamid, "Koliko je karenca za Prosaro u pšenici?")).StatusCode);
        // Mid-processing: the question has reached the (slow) model.
        for (var i = 0; i < 300 && model.Requests.IsEmpty; i++) await Task.Delay(100);
        Assert.False(model.Requests.IsEmpty, "the message never reached the model");
        using (var kill = System.Diagnostics.Process.Start("kill", ["-9", first.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        await first.DisposeAsync();
        Assert.Empty(graph.Received);

        model.Default = FakeReply.Text("Karenca za Prosaro u pšenici je 42 dana.");
        var killedAt = System.Diagnostics.Stopwatch.StartNew();
        await using var second = await CoreProcess.StartAsync(env);
        graph.Webhook = new Uri(second.BaseAddress, "/api/v1/whatsapp/webhook");
        var replies = await graph.WaitForAsync(m => m.ReplyTo == wamid, 1, TimeSpan.FromSeconds(90));
        output.WriteLine($"figures: answered {killedAt.Elapsed.TotalSeconds:0.0} s after the kill (lease 30 s)");
        Assert.Single(replies);
        await Task.Delay(3000);
        Assert.Single(graph.Received, m => m.ReplyTo == wamid);

        await using var context = db.CreateContext();
        var inbox = await context.WhatsAppInbox.SingleAsync();
        Assert.Equal((InboxStates.Answered, 2), (inbox.State, inbox.Attempts)); // claimed by the killed process, then by the new one
        Assert.Single(await context.WhatsAppOutbox.ToListAsync());
    }
}
