namespace AvaOlo.AgriculturalCore.Common;

/// <summary>
/// One farmer's request count over the last minute, kept as six 10-second segments (the same shape as
/// <see cref="System.Threading.RateLimiting.SlidingWindowRateLimiter"/> with SegmentsPerWindow = 6). Segments are
/// rolled forward from the clock when a request arrives, so nothing runs while a farmer is quiet: no timer per window
/// and no periodic pass over every farmer's window.
/// </summary>
internal sealed class SlidingWindow
{
    public const int Segments = 6;

    private readonly int[] _counts = new int[Segments];
    private long _segment;     // the absolute number of the newest segment (milliseconds / segment length)
    private int _total;        // the sum of _counts
    private bool _retired;     // removed from the table: callers holding it must look it up again

    /// <summary>Counts one request at <paramref name="nowMs"/> unless <paramref name="limit"/> are already inside the window.</summary>
    /// <returns>Granted, refused with the wait until a permit frees, or stale (retired: look the window up again).</returns>
    public (bool Granted, bool Stale, TimeSpan RetryAfter) TryAcquire(long nowMs, long segmentMs, int limit)
    {
        lock (_counts)
        {
            if (_retired) return (false, true, default);
            var now = nowMs / segmentMs;
            Advance(now);
            if (_total >= limit) return (false, false, RetryAfter(nowMs, segmentMs));
            _counts[now % Segments]++;
            _total++;
            return (true, false, default);
        }
    }

    /// <summary>Requests inside the window at <paramref name="nowMs"/>.</summary>
    public int Count(long nowMs, long segmentMs)
    {
        lock (_counts)
        {
            Advance(nowMs / segmentMs);
            return _total;
        }
    }

    /// <summary>Retires the window if nothing is left inside it, so the table can drop it; false if it is in use.</summary>
    public bool TryRetireIfEmpty(long nowMs, long segmentMs)
    {
        lock (_counts)
        {
            Advance(nowMs / segmentMs);
            if (_total > 0) return false;
            _retired = true;
            return true;
        }
    }

    // Clears the segments that have slid out of the window since the last request.
    private void Advance(long now)
    {
        if (now <= _segment) return;
        if (now - _segment >= Segments)
        {
            Array.Clear(_counts);
            _total = 0;
        }
        else
        {
            for (var s = _segment + 1; s <= now; s++)
            {
                ref var count = ref _counts[s % Segments];
                _total -= count;
                count = 0;
            }
        }
        _segment = now;
    }

    // The oldest segment still holding requests leaves the window first; one permit is free from then on.
    private TimeSpan RetryAfter(long nowMs, long segmentMs)
    {
        for (var s = _segment - Segments + 1; s <= _segment; s++)
        {
            if (s >= 0 && _counts[s % Segments] > 0) return TimeSpan.FromMilliseconds((s + Segments) * segmentMs - nowMs);
        }
        return TimeSpan.FromMilliseconds(segmentMs);
    }
}
