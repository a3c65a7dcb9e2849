using System.Net;
using AvaOlo.Testing;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.Limits;

/// <summary>The daily model budget per farmer: when it is used up, a clear 429 in the farmer's language until the UTC day turns.</summary>
public sealed class FarmerBudgetTests(TestDatabase database) : AssistantTestBase(database)
{
    protected override bool WithModel => true;

    protected override Dictionary<string, string?> Settings() => new() { ["LLM_DAILY_TOKENS_PER_FARMER"] = "150" };

    [Fact]
    public async Task A_farmer_over_the_daily_budget_gets_a_429_in_their_language_and_cached_answers_still_come()
    {
        Model!.Then(FakeReply.Text("Karenca za Prosaro u pšenici iznosi 42 dana.", promptTokens: 120, completionTokens: 30));
        Assert.Equal("llm", Method(await AskAsync(D.WheatKey, new { query = "Koliko je karenca za Prosaro u pšenici?" })));

        var response = await Factory.Client(D.WheatKey).Post("/api/v1/farmer/query", new { query = "Kada da beremo pšenicu?" });
        var problem = await HttpAssert.Problem(response, HttpStatusCode.TooManyRequests);
        Assert.Contains("AI savjetnika", problem.GetProperty("detail").GetString(), StringComparison.Ordinal); // the farmer's Croatian
        Assert.Equal("hr", problem.GetProperty("language").GetString());
        Assert.True(response.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromDays(1), $"Retry-After: {response.Headers.RetryAfter}");
        Assert.Single(Model.Requests);

        // What costs no tokens is still served: the cached answer, and other farmers' questions.
        Assert.Equal("cache", Method(await AskAsync(D.WheatKey, new { query = "koliko je karenca za prosaro u pšenici" })));
        Model.Then(FakeReply.Text("Имате 500 мангови дървета."));
        Assert.Equal("llm", Method(await AskAsync(D.MangoKey, new { query = "Колко манго дървета имам?" })));
    }
}

/// <summary>An integration key has a daily budget of its own, over every farmer it asks for.</summary>
public sealed class IntegrationKeyBudgetTests(TestDatabase database) : AssistantTestBase(database)
{
    protected override bool WithModel => true;

    protected override Dictionary<string, string?> Settings() => new() { ["LLM_DAILY_TOKENS_PER_FARMER"] = "0", ["LLM_DAILY_TOKENS_PER_KEY"] = "150" };

    [Fact]
    public async Task A_gateway_over_its_budget_is_refused_for_every_farmer_while_farmers_own_keys_still_ask()
    {
        Model!.Then(FakeReply.Text("Karenca za Prosaro u pšenici iznosi 42 dana.", promptTokens: 120, completionTokens: 30));
        Assert.Equal("llm", Method(await AskAsync(D.QueryKey, new { query = "Koliko je karenca za Prosaro u pšenici?", farmer_id = D.CroatianWheat })));
        await HttpAssert.Problem(await Factory.Client(D.QueryKey).Post("/api/v1/farmer/query", new { query = "Колко манго дървета имам?", farmer_id = D.Mango }),
            HttpStatusCode.TooManyRequests);
        Model.Then(FakeReply.Text("Имате 500 мангови дървета."));
        Assert.Equal("llm", Method(await AskAsync(D.MangoKey, new { query = "Колко манго дървета имам?" })));
    }
}
