using AvaOlo.ServiceDefaults.Telemetry;

namespace AvaOlo.ServiceDefaults.Tests;

public sealed class PercentileTests
{
    private static long[] Histogram(params double[] latencies)
    {
        var h = LatencyBuckets.Empty();
        foreach (var ms in latencies) h[LatencyBuckets.IndexOf(ms)]++;
        return h;
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(1, 0)]
    [InlineData(1.01, 1)]
    [InlineData(4.9, 2)]
    [InlineData(5000, 19)]
    [InlineData(5000.1, 20)]
    [InlineData(60000, 24)]
    [InlineData(60001, 25)]
    public void Each_latency_falls_in_the_first_bucket_whose_bound_holds_it(double ms, int bucket) =>
        Assert.Equal(bucket, LatencyBuckets.IndexOf(ms));

    public static TheoryData<double[], double, double, double> Cases => new()
    {
        // latencies, quantile, lowest acceptable, highest acceptable (the bucket holding the true value)
        { [3, 3, 3, 3], 0.5, 2, 5 },
        { [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5, 2, 5 },
        { [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 5, 10 },
        { [.. Enumerable.Repeat(20.0, 99), 6000], 0.99, 10, 25 },
        { [.. Enumerable.Repeat(20.0, 98), 6000, 6000], 0.99, 5000, 7500 },
        { [120_000], 0.5, 60_000, 60_000 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Percentile_lies_in_the_bucket_of_the_true_value(double[] latencies, double q, double low, double high)
    {
        var p = LatencyBuckets.Percentile(Histogram(latencies), q);
        Assert.NotNull(p);
        Assert.InRange(p.Value, low, high);
    }

    [Fact]
    public void Empty_histogram_has_no_percentile() => Assert.Null(LatencyBuckets.Percentile(LatencyBuckets.Empty(), 0.99));

    [Fact]
    public void Merging_adds_counts_bucket_by_bucket_and_tolerates_short_arrays()
    {
        var merged = LatencyBuckets.Merge([Histogram(3, 30), Histogram(3), null, [1]]);
        Assert.Equal(1, merged[0]);
        Assert.Equal(2, merged[LatencyBuckets.IndexOf(3)]);
        Assert.Equal(1, merged[LatencyBuckets.IndexOf(30)]);
        Assert.Equal(4, merged.Sum());
    }

    [Fact]
    public void Percentile_of_merged_histograms_equals_percentile_of_all_requests_but_averaging_percentiles_does_not()
    {
        // A busy instance: 990 fast requests and 10 slow ones; an idle one: 10 fast requests.
        var busy = Histogram([.. Enumerable.Repeat(20.0, 980), .. Enumerable.Repeat(8000.0, 20)]);
        var idle = Histogram([.. Enumerable.Repeat(20.0, 10)]);
        var all = Histogram([.. Enumerable.Repeat(20.0, 990), .. Enumerable.Repeat(8000.0, 20)]);

        var merged = LatencyBuckets.Percentile(LatencyBuckets.Merge([busy, idle]), 0.99)!.Value;
        var averaged = (LatencyBuckets.Percentile(busy, 0.99)!.Value + LatencyBuckets.Percentile(idle, 0.99)!.Value) / 2;

        Assert.Equal(LatencyBuckets.Percentile(all, 0.99), merged);
        Assert.InRange(merged, 7500, 10000);          // ~2 % of all requests took 8 s: the true p99 is 8 s
        Assert.InRange(averaged, 0, 5000);             // the average says "under 5 s": the p99 alarm would never fire
    }

    [Fact]
    public void Bucket_around_gives_the_resolution_of_a_latency() =>
        Assert.Equal((200.0, 300.0), LatencyBuckets.BucketAround(250));
}
