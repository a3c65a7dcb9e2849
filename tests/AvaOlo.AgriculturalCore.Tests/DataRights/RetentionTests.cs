using AvaOlo.AgriculturalCore.DataRights;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Tests.DataRights;

public sealed class RetentionTests(TestDatabase database) : ApiTestBase(database)
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["CONVERSATION_RETENTION_DAYS"] = "30" };

    [Fact]
    public async Task Only_conversations_and_model_calls_older_than_the_retention_go_and_the_daily_rollups_stay()
    {
        var now = DateTimeOffset.UtcNow;
        int[] ages = [400, 31, 29, 1];
        await using (var db = Database.CreateContext())
        {
            foreach (var days in ages)
            {
                var at = now.AddDays(-days);
                var conversation = new Conversation
                {
                    ThreadId = Guid.NewGuid(), FarmerId = days % 2 == 0 ? W.A.Id : null, Channel = "api", Question = $"{days} days old", Answer = "…",
                    Language = "hr", Method = AnswerMethods.Llm, ReviewState = ReviewStates.Pending, CreatedAt = at,
                };
                db.Conversations.Add(conversation);
                await db.SaveChangesAsync();
                db.LlmCalls.Add(new LlmCall { ConversationId = conversation.Id, FarmerId = conversation.FarmerId, Model = "m", Purpose = "answer", CreatedAt = at });
                // A WhatsApp message of that age, answered, with our answer; the oldest one is still waiting and stays.
                var inbound = new InboundMessage
                {
                    Provider = ChannelProviders.Meta, ProviderMessageId = $"wamid.{days}", Sender = W.A.Phone, Type = "text", Text = $"{days} days old",
                    Payload = "{}", ReceivedAt = at, NextAttemptAt = at, State = days == 400 ? InboxStates.Pending : InboxStates.Answered,
                    ConversationId = conversation.Id,
                };
                db.WhatsAppInbox.Add(inbound);
                await db.SaveChangesAsync();
                db.WhatsAppOutbox.Add(new OutboundMessage
                {
                    InboxId = inbound.Id, Provider = ChannelProviders.Meta, Recipient = W.A.Phone, Kind = "text", Body = "…", Status = OutboxStates.Delivered,
                    CreatedAt = at, UpdatedAt = at, NextAttemptAt = at,
                });
            }
            db.ActivityDays.Add(new ActivityDay { Day = DateOnly.FromDateTime(now.AddDays(-31).UtcDateTime), Questions = 1, ComputedAt = now });
            db.QuestionDays.Add(new QuestionDay { Day = DateOnly.FromDateTime(now.AddDays(-31).UtcDateTime), Language = "hr", CountryCode = "HR", Topic = "general", Questions = 1 });
            await db.SaveChangesAsync();
        }

        var outcome = await Factory.Services.GetRequiredService<RetentionJob>().RunAsync(default);

        Assert.Equal(new RetentionJob.Outcome(true, 2, 2, 1), outcome);
        await using var check = Database.CreateContext();
        Assert.Equal(["1 days old", "29 days old"], (await check.Conversations.Select(c => c.Question).ToListAsync()).Order());
        Assert.Equal(2, await check.LlmCalls.CountAsync(l => l.CreatedAt > now.AddDays(-30)));
        Assert.Equal(2, await check.LlmCalls.CountAsync());
        Assert.Equal(1, await check.ActivityDays.CountAsync());
        Assert.Equal(1, await check.QuestionDays.CountAsync());
        Assert.Equal(["1 days old", "29 days old", "400 days old"], (await check.WhatsAppInbox.Select(m => m.Text!).ToListAsync()).Order());
        Assert.Equal(3, await check.WhatsAppOutbox.CountAsync()); // the 31-day-old answer went with its message
        Assert.Equal(new RetentionJob.Outcome(true, 0, 0), await Factory.Services.GetRequiredService<RetentionJob>().RunAsync(default));
    }

    [Fact]
    public async Task While_another_instance_holds_the_lock_the_run_is_skipped()
    {
        await using (var db = Database.CreateContext())
        {
            db.Conversations.Add(new Conversation
            {
                ThreadId = Guid.NewGuid(), FarmerId = W.A.Id, Channel = "api", Question = "old", Answer = "…", Language = "hr",
                Method = AnswerMethods.Offline, ReviewState = ReviewStates.Pending, CreatedAt = DateTimeOffset.UtcNow.AddDays(-90),
            });
            await db.SaveChangesAsync();
        }
        var job = Factory.Services.GetRequiredService<RetentionJob>();
        // Another instance: its own session.
        await using (var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await other.OpenAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({RetentionJob.LockKey})", other)) await take.ExecuteNonQueryAsync();
            Assert.Equal(new RetentionJob.Outcome(false, 0, 0), await job.RunAsync(default));
            await using var check = Database.CreateContext();
            Assert.Equal(1, await check.Conversations.CountAsync());
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({RetentionJob.LockKey})", other);
            Assert.True((bool)(await release.ExecuteScalarAsync())!);
        }
        // The other instance is done: the next run does the work.
        Assert.Equal(new RetentionJob.Outcome(true, 0, 1), await job.RunAsync(default));
    }
}
