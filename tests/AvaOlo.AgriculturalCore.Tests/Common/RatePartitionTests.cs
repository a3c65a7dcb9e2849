using System.Net;
using AvaOlo.AgriculturalCore.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace AvaOlo.AgriculturalCore.Tests.Common;

/// <summary>Partition keys of the per-farmer limit, and the bound on how many the in-process table keeps.</summary>
public sealed class RatePartitionTests
{
    [Theory]
    [InlineData(9, null, "7", "farmer:7")]
    [InlineData(9, null, "007", "farmer:7")]         // one farmer however the id is written
    [InlineData(9, null, "+7", "farmer:7")]
    [InlineData(9, null, " 7", "farmer:7")]
    [InlineData(9, null, "0", "key:9")]              // not a farmer id: the key's own budget, no new partition
    [InlineData(9, null, "-7", "key:9")]
    [InlineData(9, null, "99999999999", "key:9")]
    [InlineData(9, null, "abc", "key:9")]
    [InlineData(9, null, "7%00", "key:9")]
    [InlineData(9, null, null, "key:9")]
    [InlineData(9, 3, "7", "farmer:3")]              // a farmer's key is always its own farmer
    [InlineData(null, null, "7", "ip:192.0.2.1")]    // anonymous: by address
    public void A_request_is_limited_as_its_farmer_else_its_key_else_its_address(int? keyId, int? keyFarmer, string? routeId, string expected) =>
        Assert.Equal(expected, RatePartition.For(keyId, keyFarmer, routeId, IPAddress.Parse("192.0.2.1")));

    private static HttpContext Request(string key) => new DefaultHttpContext { Items = { ["key"] = key } };

    private static FarmerWindowLimiter Limiter(FakeTimeProvider clock, int capacity) =>
        new(http => (string)http.Items["key"]!, 1000, clock, capacity: capacity);

    [Fact]
    public void Random_partition_keys_cannot_grow_the_table_beyond_its_bound_or_evict_the_farmers_in_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-29T08:00:00Z"));
        using var limiter = Limiter(clock, capacity: 100);
        for (var i = 0; i < 3; i++) Assert.True(limiter.AttemptAcquire(Request("farmer:1")).IsAcquired);
        for (var i = 0; i < 10_000; i++) limiter.AttemptAcquire(Request($"farmer:{1_000_000 + i}")).Dispose();
        Assert.Equal(100, limiter.Partitions);
        Assert.True(limiter.Overflowed > 9_000);
        // farmer:1 keeps its own window and count: 997 more, then refused.
        for (var i = 0; i < 997; i++) Assert.True(limiter.AttemptAcquire(Request("farmer:1")).IsAcquired);
        Assert.False(limiter.AttemptAcquire(Request("farmer:1")).IsAcquired);
        // Newcomers share one overflow window, which the flood has used up by now.
        Assert.False(limiter.AttemptAcquire(Request("farmer:2")).IsAcquired);

        // Once the flood's windows are empty, the table makes room again.
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(limiter.AttemptAcquire(Request("farmer:2")).IsAcquired);
        Assert.Equal(1, limiter.Partitions);
    }

    [Fact]
    public void Anonymous_addresses_fill_at_most_half_of_the_table()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-29T08:00:00Z"));
        using var limiter = Limiter(clock, capacity: 100);
        for (var i = 0; i < 5_000; i++) limiter.AttemptAcquire(Request($"ip:2001:db8::{i:x}")).Dispose();
        Assert.Equal(50, limiter.Partitions);
        for (var i = 0; i < 50; i++) Assert.True(limiter.AttemptAcquire(Request($"farmer:{i + 1}")).IsAcquired);
        Assert.Equal(100, limiter.Partitions);
    }
}
