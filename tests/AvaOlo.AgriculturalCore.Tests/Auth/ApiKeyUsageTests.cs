using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.Data;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AvaOlo.AgriculturalCore.Tests.Auth;

/// <summary>api_keys.last_used_at, shown on the admin page, follows use without a write per request.</summary>
public sealed class ApiKeyUsageTests(TestDatabase database) : ApiTestBase(database)
{
    [Fact]
    public async Task A_used_key_gets_its_last_use_recorded_and_an_unused_one_does_not()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        for (var i = 0; i < 3; i++) (await AsA.GetAsync($"/api/v1/farmer/{W.A.Id}/fields")).EnsureSuccessStatusCode();
        (await Anonymous.GetAsync($"/api/v1/farmer/{W.A.Id}/fields")).Dispose(); // no key: nothing to record

        var usage = Factory.Services.GetRequiredService<ApiKeyUsage>();
        Assert.Equal(1, await usage.FlushAsync(default)); // three requests, one key, one row
        Assert.Equal(0, await usage.FlushAsync(default)); // nothing new since

        await using var db = Database.CreateContext();
        var a = await db.ApiKeys.SingleAsync(k => k.Prefix == ApiKeySecrets.PrefixOf(W.KeyA));
        var b = await db.ApiKeys.SingleAsync(k => k.Prefix == ApiKeySecrets.PrefixOf(W.KeyB));
        Assert.NotNull(a.LastUsedAt);
        Assert.InRange(a.LastUsedAt!.Value, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Null(b.LastUsedAt);
    }
}
