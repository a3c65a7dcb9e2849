using System.Collections.Concurrent;
using System.Net;
using AvaOlo.ChannelStandIns;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.Resilience.Tests.WhatsApp;

/// <summary>
/// 500 messages from 200 numbers, posted alternately to TWO core processes over one database: every message is
/// answered exactly once (counted at the Graph API stand-in per inbound id), each sender's answers in the order sent,
/// and both instances did part of the work.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class TwoInstancesTests(TestDatabase db, ITestOutputHelper output)
{
    [Fact]
    public async Task Five_hundred_messages_from_200_numbers_across_two_instances_are_each_answered_exactly_once_in_order()
    {
        await db.ResetAsync();
        await using var graph = await Channel.StartStandInAsync();
        graph.SendStatuses = false;
        var env = ServiceWithTestDatabase.Env(db);
        Channel.AddTo(env, graph);
        await using var a = await CoreProcess.StartAsync(env);
        await using var b = await CoreProcess.StartAsync(env);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        // Sender s (+385 91 100 0s) sends messages s, s+200, s+400 (if < 500), one after another, to alternating instances.
        var sent = new ConcurrentDictionary<string, List<string>>();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (s, _) =>
        {
            var phone = $"+3859110{s:D5}";
            for (var k = s; k < 500; k += 200)
            {
                var wamid = CloudApiPayloads.NewMessageId();
                sent.GetOrAdd(phone, _ => []).Add(wamid);
                var response = await Channel.SendAsync(client, k % 2 == 0 ? a : b, phone, wamid, $"Kada mogu brati pšenicu? ({k})");
                statuses.Add(response.StatusCode);
            }
        });
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(500, sent.Values.Sum(v => v.Count));

        var all = sent.Values.SelectMany(v => v).ToHashSet();
        await graph.WaitForAsync(m => m.ReplyTo is not null && all.Contains(m.ReplyTo), 500, TimeSpan.FromMinutes(4));
        var answeredIn = started.Elapsed;
        await Task.Delay(3000); // any second answer would arrive now
        var replies = Channel.RepliesPerMessage(graph);
        output.WriteLine($"figures: 500 messages acknowledged and answered in {answeredIn.TotalSeconds:0.0} s; replies {replies.Values.Sum()}");
        Assert.Equal(all.OrderBy(x => x), replies.Keys.OrderBy(x => x));
        Assert.All(replies, r => Assert.True(r.Value == 1, $"{r.Key} answered {r.Value} times"));
        foreach (var (phone, wamids) in sent)
            Assert.Equal(wamids, graph.Received.Where(m => m.To == phone).Select(m => m.ReplyTo)); // in the order sent

        await using var context = db.CreateContext();
        var workers = await context.WhatsAppInbox.GroupBy(i => i.LockedBy).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        output.WriteLine("answered per instance: " + string.Join(", ", workers.Select(w => $"{w.Key}: {w.Count}")));
        Assert.Equal(2, workers.Count); // both instances shared the work
        Assert.Equal(500, await context.WhatsAppOutbox.CountAsync());
    }
}
