using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace AvaOlo.AgriculturalCore.Common;

/// <summary>
/// The in-process per-farmer limit: a <see cref="SlidingWindow"/> per partition key. It replaces
/// <c>PartitionedRateLimiter.Create</c> with sliding-window partitions, whose heartbeat visits every partition ten times
/// a second: with 10,000 farmers that costs about a tenth of a CPU core even when no request arrives — 40 % of a
/// 0.25 vCPU instance (bench/results/latest.md). Here a window is touched only by its farmer's requests, and windows
/// left empty are dropped by a sweep at most once a minute, done by whichever request comes along.
/// <para>
/// The table is bounded (<see cref="DefaultCapacity"/>): partition keys come from requests, and random ids or
/// addresses must not grow it without end. When it is full, empty windows are swept at once (at most once a second);
/// if it is still full, a newcomer shares one overflow window — one for anonymous callers, one for keys — and the
/// windows already in the table are never evicted. Anonymous partitions may fill at most half of the table, so a
/// flood from many addresses cannot push farmers into the overflow.
/// </para>
/// </summary>
internal sealed class FarmerWindowLimiter(Func<HttpContext, string?> partition, int perMinute, TimeProvider clock, ILogger? log = null,
    int capacity = FarmerWindowLimiter.DefaultCapacity) : PartitionedRateLimiter<HttpContext>
{
    /// <summary>Five times next year's 10,000 farmers; ~200 bytes a window, so at most ~10 MB.</summary>
    public const int DefaultCapacity = 50_000;

    private const long SegmentMs = 60_000 / SlidingWindow.Segments;
    private const long SweepEveryMs = 60_000;
    private const long FullSweepEveryMs = 1_000;

    private readonly ConcurrentDictionary<string, SlidingWindow> _windows = new(StringComparer.Ordinal);
    private readonly SlidingWindow _overflowAnonymous = new();
    private readonly SlidingWindow _overflowKeys = new();
    private int _count;          // _windows.Count without taking every lock of the dictionary
    private int _anonymous;      // how many of them are anonymous
    private long _nextSweepMs;
    private long _nextFullSweepMs;
    private long _lastWarningMs;
    private long _overflowed;

    public int Partitions => Volatile.Read(ref _count);

    /// <summary>Requests that found the table full and were counted in an overflow window.</summary>
    public long Overflowed => Interlocked.Read(ref _overflowed);

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
        SweepIfDue(now, ref _nextSweepMs, SweepEveryMs);
        while (true)
        {
            var window = _windows.TryGetValue(key, out var found) ? found : Admit(key, now);
            var (granted, stale, retryAfter) = window.TryAcquire(now, SegmentMs, perMinute);
            if (stale) continue; // swept away between the look-up and the lock: look it up (or admit it) again
            return granted ? LimiterLease.Granted : LimiterLease.Refused(retryAfter);
        }
    }

    // No queue (a refused request is answered 429 at once), so the asynchronous path decides the same way.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    /// <summary>A new window for the key, or the overflow window when the table (or its anonymous half) is full.</summary>
    private SlidingWindow Admit(string key, long now)
    {
        var anonymous = key.StartsWith(RatePartition.AnonymousPrefix, StringComparison.Ordinal);
        if (Full(anonymous))
        {
            SweepIfDue(now, ref _nextFullSweepMs, FullSweepEveryMs);
            if (Full(anonymous)) return Overflow(anonymous, now);
        }
        var fresh = new SlidingWindow();
        if (!_windows.TryAdd(key, fresh)) return _windows.TryGetValue(key, out var other) ? other : fresh; // a racing request added it
        Interlocked.Increment(ref _count);
        if (anonymous) Interlocked.Increment(ref _anonymous);
        return fresh;
    }

    private bool Full(bool anonymous) =>
        Volatile.Read(ref _count) >= capacity || (anonymous && Volatile.Read(ref _anonymous) >= capacity / 2);

    private SlidingWindow Overflow(bool anonymous, long now)
    {
        Interlocked.Increment(ref _overflowed);
        var last = Interlocked.Read(ref _lastWarningMs);
        if ((last == 0 || now - last >= SweepEveryMs) && Interlocked.CompareExchange(ref _lastWarningMs, now, last) == last)
            log?.LogWarning("The per-farmer limit's table is full ({Capacity} partitions, {Anonymous} anonymous): new {Kind} callers share one window",
                capacity, Volatile.Read(ref _anonymous), anonymous ? "anonymous" : "authenticated");
        return anonymous ? _overflowAnonymous : _overflowKeys;
    }

    private long NowMs() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private void SweepIfDue(long now, ref long next, long every)
    {
        var due = Interlocked.Read(ref next);
        if (now < due || Interlocked.CompareExchange(ref next, now + every, due) != due) return;
        foreach (var (key, window) in _windows)
        {
            if (!window.TryRetireIfEmpty(now, SegmentMs) || !_windows.TryRemove(new KeyValuePair<string, SlidingWindow>(key, window))) continue;
            Interlocked.Decrement(ref _count);
            if (key.StartsWith(RatePartition.AnonymousPrefix, StringComparison.Ordinal)) Interlocked.Decrement(ref _anonymous);
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
