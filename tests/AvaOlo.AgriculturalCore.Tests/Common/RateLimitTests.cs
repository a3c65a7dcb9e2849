using System.Net;
using AvaOlo.Testing;

namespace AvaOlo.AgriculturalCore.Tests.Common;

public sealed class RateLimitTests(TestDatabase database) : ApiTestBase(database)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RATE_LIMIT_PER_FARMER_PER_MINUTE"] = "5" };

    [Fact]
    public async Task Over_the_per_farmer_limit_is_429_with_retry_after_and_other_farmers_are_unaffected()
    {
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/fields")).StatusCode);
        var limited = await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/crops");
        await HttpAssert.Problem(limited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // The admin key asking about farmer A counts against farmer A too; farmer B has a bucket of its own.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Admin.GetAsync($"/api/v1/farmer/{W.A.Id}/fields")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AsB.GetAsync($"/api/v1/farmer/{W.B.Id}/fields")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync("/health")).StatusCode); // health is never limited
    }

    [Fact]
    public async Task One_farmer_is_one_partition_however_the_id_is_written_and_an_invalid_id_spends_the_keys_own_budget()
    {
        var id = W.A.Id;
        foreach (var written in new[] { $"00{id}", $"00{id}", $"+{id}", $"{id}", $"0{id}" })
            Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync($"/api/v1/farmer/{written}/fields")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Admin.GetAsync($"/api/v1/farmer/000{id}/fields")).StatusCode);

        // Ids that are no farmer's (refused by the endpoint) open no partition of their own: they count against the key.
        using var reader = Factory.Client(W.ReadOnlyKey);
        foreach (var invalid in new[] { "abc", "0", "-1", "99999999999", "x1" })
            Assert.Contains((await reader.GetAsync($"/api/v1/farmer/{invalid}/fields")).StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
        Assert.Equal(HttpStatusCode.TooManyRequests, (await reader.GetAsync("/api/v1/materials")).StatusCode);
    }
}
