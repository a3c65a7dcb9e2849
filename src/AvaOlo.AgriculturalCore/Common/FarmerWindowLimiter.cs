using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace AvaOlo.AgriculturalCore.Common;

/// <summary>
/// The in-process per-farmer limit: a <see cref="SlidingWindow"/> per partition key. It replaces
/// <c>PartitionedRateLimiter.Create</c> with sliding-window partitions, whose heartbeat visits every partition ten times
/// a second: with 10,000 farmers that costs about a tenth of a CPU core even when no request arrives — 40 % of a
/// 0.25 vCPU instance (bench/results/latest.md). Here a window is touched only by its farmer's requests, and windows
/// left empty are dropped by a sweep at most once a minute, done by whichever request comes along.
/// </summary>
internal sealed class FarmerWindowLimiter(Func<HttpContext, string?> partition, int perMinute, TimeProvider clock) : PartitionedRateLimiter<HttpContext>
{
    private const long SegmentMs = 60_000 / SlidingWindow.Segments;
    private const long SweepEveryMs = 60_000;

    private readonly ConcurrentDictionary<string, SlidingWindow> _windows = new(StringComparer.Ordinal);
    private long _nextSweepMs;

    public int Partitions => _windows.Count;

    public override RateLimiterStatistics? GetStatistics(HttpContext resource)
    {
        if (partition(resource) is not { } key) return null;
        var used = _windows.TryGetValue(key, out var window) ? window.Count(NowMs(), SegmentMs) : 0;
        return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, perMinute - used) };
    }

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        if (partition(resource) is not { } key) return LimiterLease.Granted;
        var now = NowMs();
        SweepIfDue(now);
        while (true)
        {
            var (granted, stale, retryAfter) = _windows.GetOrAdd(key, static _ => new SlidingWindow()).TryAcquire(now, SegmentMs, perMinute);
            if (stale) continue; // swept away between the look-up and the lock: the next GetOrAdd makes a fresh one
            return granted ? LimiterLease.Granted : LimiterLease.Refused(retryAfter);
        }
    }

    // No queue (a refused request is answered 429 at once), so the asynchronous path decides the same way.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    private long NowMs() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweepMs);
        if (now < due || Interlocked.CompareExchange(ref _nextSweepMs, now + SweepEveryMs, due) != due) return;
        foreach (var (key, window) in _windows)
        {
            if (window.TryRetireIfEmpty(now, SegmentMs)) _windows.TryRemove(new KeyValuePair<string, SlidingWindow>(key, window));
        }
    }
}

/// <summary>A granted lease, or a refused one carrying how long to wait (Retry-After).</summary>
internal sealed class LimiterLease : RateLimitLease
{
    public static readonly RateLimitLease Granted = new LimiterLease(true, null);

    private readonly bool _acquired;
    private readonly TimeSpan? _retryAfter;

    private LimiterLease(bool acquired, TimeSpan? retryAfter) => (_acquired, _retryAfter) = (acquired, retryAfter);

    public static RateLimitLease Refused(TimeSpan? retryAfter) => new LimiterLease(false, retryAfter);

    public override bool IsAcquired => _acquired;

    public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = _retryAfter;
        return _retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
    }
}
