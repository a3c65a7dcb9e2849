namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>
/// Fixed latency bucket boundaries (upper bounds in ms, plus one overflow bucket). Because every instance uses
/// the same boundaries, histograms from many instances and minutes merge by adding counts, and percentiles are
/// computed from the merged counts. Averaging per-instance percentiles would be wrong: one idle instance with a
/// fast p99 would hide a busy one with a slow p99.
/// </summary>
public static class LatencyBuckets
{
    /// <summary>Upper bounds, ms. 5,000 is a boundary so the p99 &gt; 5 s alarm is decided exactly.</summary>
    public static readonly double[] Bounds =
        [1, 2, 5, 10, 25, 50, 75, 100, 150, 200, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 4000, 5000, 7500, 10000, 15000, 30000, 60000];

    /// <summary>Number of counts in a histogram: one per bound and one for everything above the last.</summary>
    public static int Count => Bounds.Length + 1;

    public static long[] Empty() => new long[Count];

    /// <summary>The bucket a latency falls in: the first whose upper bound is &gt;= the value.</summary>
    public static int IndexOf(double ms)
    {
        var i = Array.BinarySearch(Bounds, ms);
        return i >= 0 ? i : ~i;
    }

    /// <summary>Sums histograms element by element; shorter or missing arrays count as zeros.</summary>
    public static long[] Merge(IEnumerable<long[]?> histograms)
    {
        var sum = Empty();
        foreach (var h in histograms)
        {
            if (h is null) continue;
            for (var i = 0; i < Math.Min(h.Length, sum.Length); i++) sum[i] += h[i];
        }
        return sum;
    }

    /// <summary>
    /// The q-quantile (0 &lt; q ≤ 1) of a histogram, interpolated linearly inside the bucket that holds it, so the
    /// answer is always within that bucket's bounds. Null when the histogram is empty. A value in the overflow
    /// bucket is reported as the last bound (the histogram cannot say how far above it is).
    /// </summary>
    public static double? Percentile(long[] counts, double q)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(q);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        var total = counts.Sum();
        if (total == 0) return null;
        var rank = Math.Max(1, Math.Ceiling(q * total));
        long before = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0 || before + counts[i] < rank) { before += counts[i]; continue; }
            if (i >= Bounds.Length) return Bounds[^1];
            var lower = i == 0 ? 0 : Bounds[i - 1];
            return lower + (Bounds[i] - lower) * (rank - before) / counts[i];
        }
        return Bounds[^1];
    }

    /// <summary>Lower and upper bound of the bucket a latency falls in: the resolution of any percentile near it.</summary>
    public static (double Lower, double Upper) BucketAround(double ms)
    {
        var i = IndexOf(ms);
        return (i == 0 ? 0 : Bounds[Math.Min(i, Bounds.Length) - 1], i < Bounds.Length ? Bounds[i] : double.PositiveInfinity);
    }
}
