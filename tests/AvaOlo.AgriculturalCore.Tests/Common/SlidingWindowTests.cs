using System.Threading.RateLimiting;
using AvaOlo.AgriculturalCore.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace AvaOlo.AgriculturalCore.Tests.Common;

/// <summary>The in-process per-farmer window: a minute in six 10 s segments, rolled forward by the clock, never by a timer.</summary>
public sealed class SlidingWindowTests
{
    private const long Segment = 10_000;

    [Fact]
    public void Refuses_over_the_limit_until_the_oldest_segment_leaves_the_window()
    {
        var window = new SlidingWindow();
        const long t0 = 1_000_000_003_000; // 3 s into a segment
        for (var i = 0; i < 3; i++) Assert.True(window.TryAcquire(t0, Segment, 5).Granted);
        for (var i = 0; i < 2; i++) Assert.True(window.TryAcquire(t0 + 25_000, Segment, 5).Granted);

        var refused = window.TryAcquire(t0 + 30_000, Segment, 5);
        Assert.False(refused.Granted);
        Assert.False(refused.Stale);
        // The first three fell in the segment starting at t0 - 3 s; it leaves the window 60 s after it began.
        Assert.Equal(TimeSpan.FromMilliseconds(60_000 - 3_000 - 30_000), refused.RetryAfter);

        Assert.False(window.TryAcquire(t0 + 56_999, Segment, 5).Granted);
        Assert.True(window.TryAcquire(t0 + 57_000, Segment, 5).Granted); // three permits back; one used
        Assert.Equal(3, window.Count(t0 + 57_000, Segment));
        Assert.Equal(0, window.Count(t0 + 200_000, Segment)); // a long quiet spell empties the window
    }

    [Fact]
    public void A_window_in_use_is_not_retired_and_a_retired_one_sends_callers_back_to_the_table()
    {
        var window = new SlidingWindow();
        Assert.True(window.TryAcquire(60_000, Segment, 5).Granted);
        Assert.False(window.TryRetireIfEmpty(100_000, Segment));
        Assert.True(window.TryRetireIfEmpty(120_000, Segment));
        Assert.True(window.TryAcquire(120_000, Segment, 5).Stale);
    }

    [Fact]
    public void The_limiter_keeps_farmers_apart_and_drops_quiet_windows()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-29T08:00:00Z"));
        using var limiter = new FarmerWindowLimiter(http => http.Request.Path.StartsWithSegments("/api") ? http.Request.Path.Value : null, 2, clock);
        HttpContext Request(string path) => new DefaultHttpContext { Request = { Path = path } };

        Assert.True(limiter.AttemptAcquire(Request("/api/a")).IsAcquired);
        Assert.True(limiter.AttemptAcquire(Request("/api/a")).IsAcquired);
        using var refused = limiter.AttemptAcquire(Request("/api/a"));
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retry) && retry > TimeSpan.Zero);
        Assert.True(limiter.AttemptAcquire(Request("/api/b")).IsAcquired);
        Assert.True(limiter.AttemptAcquire(Request("/health")).IsAcquired); // not partitioned: never limited
        Assert.Equal(0, limiter.GetStatistics(Request("/api/a"))!.CurrentAvailablePermits);
        Assert.Equal(2, limiter.Partitions);

        clock.Advance(TimeSpan.FromMinutes(2)); // both windows empty; the next request sweeps them
        Assert.True(limiter.AttemptAcquire(Request("/api/c")).IsAcquired);
        Assert.Equal(1, limiter.Partitions);
        Assert.True(limiter.AttemptAcquire(Request("/api/a")).IsAcquired);
    }
}
