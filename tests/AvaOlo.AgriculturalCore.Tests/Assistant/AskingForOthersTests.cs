using System.Net;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;

namespace AvaOlo.AgriculturalCore.Tests.Assistant;

/// <summary>
/// Who may ask for whom: naming a farmer needs query:on-behalf; a thread (and what the cache may serve into it) belongs
/// to the asker and key that started it; an unknown phone's thread and cache are its own.
/// </summary>
public sealed class AskingForOthersTests(TestDatabase database) : AssistantTestBase(database)
{
    private const string Question = "Koliko je karenca za Prosaro u pšenici?";

    private static string Thread(System.Text.Json.JsonElement r) => r.GetProperty("metadata").GetProperty("conversation_id").GetString()!;

    [Fact]
    public async Task A_key_with_only_the_query_scope_cannot_name_any_farmer()
    {
        string queryOnly;
        await using (var db = Database.CreateContext()) queryOnly = await TestRecords.KeyAsync(db, "old-gateway", null, ApiScopes.Query);
        var client = Factory.Client(queryOnly);
        foreach (var body in new object[]
                 {
                     new { query = Question, farmer_id = D.CroatianWheat }, new { query = Question, phone_number = DemoFarmers.CroatianWheatPhone },
                     new { query = Question, phone_number = "+385981112233" },
                 })
        {
            var problem = await HttpAssert.Problem(await client.Post("/api/v1/farmer/query", body), HttpStatusCode.Forbidden);
            Assert.Contains(ApiScopes.QueryOnBehalf, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        // With the scope, the same gateway asks as the farmer it names.
        var r = await AskAsync(D.QueryKey, new { query = Question, phone_number = DemoFarmers.CroatianWheatPhone });
        Assert.Contains("42 dana", Text(r), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_continued_thread_is_never_answered_from_the_cache()
    {
        Assert.Equal("offline", Method(await AskAsync(D.WheatKey, new { query = Question })));
        var again = await AskAsync(D.WheatKey, new { query = Question });
        Assert.Equal("cache", Method(again));
        Assert.Equal("offline", Method(await AskAsync(D.WheatKey, new { query = Question, conversation_id = Thread(again) })));
    }

    [Fact]
    public async Task An_unknown_phones_thread_and_cached_answers_are_its_own()
    {
        var first = await AskAsync(D.QueryKey, new { query = Question, phone_number = "+385981112233" });
        Assert.Equal("offline", Method(first));
        Assert.Equal("cache", Method(await AskAsync(D.QueryKey, new { query = Question, phone_number = "+385981112233" })));
        // Another unknown number in the same country asks the same thing: not served from the first one's cache.
        Assert.Equal("offline", Method(await AskAsync(D.QueryKey, new { query = Question, phone_number = "+385981112244" })));
        // ... and cannot continue the first one's thread.
        var response = await Factory.Client(D.QueryKey).Post("/api/v1/farmer/query",
            new { query = "a prije?", phone_number = "+385981112244", conversation_id = Thread(first) });
        await HttpAssert.FieldError(response, "conversation_id", HttpStatusCode.NotFound);
        Assert.Equal("offline", Method(await AskAsync(D.QueryKey, new { query = "a prije?", phone_number = "+385981112233", conversation_id = Thread(first) })));
    }

    [Fact]
    public async Task A_farmers_thread_cannot_be_continued_by_another_farmer_or_a_gateway()
    {
        var first = await AskAsync(D.WheatKey, new { query = Question });
        await HttpAssert.FieldError(await Factory.Client(D.MangoKey).Post("/api/v1/farmer/query", new { query = "и?", conversation_id = Thread(first) }),
            "conversation_id", HttpStatusCode.NotFound);
        await HttpAssert.FieldError(await Factory.Client(D.QueryKey).Post("/api/v1/farmer/query",
            new { query = "i?", farmer_id = D.CroatianWheat, conversation_id = Thread(first) }), "conversation_id", HttpStatusCode.NotFound);
        Assert.Equal(Thread(first), Thread(await AskAsync(D.WheatKey, new { query = "i?", conversation_id = Thread(first) })));
    }
}

/// <summary>A gateway key is limited per farmer it asks for, once that farmer is known; never as one farmer for all.</summary>
public sealed class GatewayLimitTests(TestDatabase database) : AssistantTestBase(database)
{
    protected override Dictionary<string, string?> Settings() => new() { ["RATE_LIMIT_PER_FARMER_PER_MINUTE"] = "3" };

    [Fact]
    public async Task The_per_farmer_limit_follows_the_farmer_a_gateway_names_and_not_the_gateway()
    {
        var gateway = Factory.Client(D.QueryKey);
        object For(int farmer) => new { query = "Koliko je karenca za Prosaro u pšenici?", farmer_id = farmer };
        for (var i = 0; i < 3; i++) await HttpAssert.Json(await gateway.Post("/api/v1/farmer/query", For(D.CroatianWheat)));
        var limited = await gateway.Post("/api/v1/farmer/query", For(D.CroatianWheat));
        var problem = await HttpAssert.Problem(limited, HttpStatusCode.TooManyRequests);
        Assert.Contains("per farmer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(limited.Headers.RetryAfter);
        // The same key, past three questions in the minute, still asks for the other farmers it serves.
        foreach (var other in new[] { D.Mango, D.Tomato, D.HungarianInCroatia })
            await HttpAssert.Json(await gateway.Post("/api/v1/farmer/query", For(other)));
        // The farmer's own key shares the farmer's minute: the limit is the farmer's, whoever asks.
        await HttpAssert.Problem(await Factory.Client(D.WheatKey).Post("/api/v1/farmer/query", new { query = "Koliko polja imam?" }), HttpStatusCode.TooManyRequests);
    }
}
