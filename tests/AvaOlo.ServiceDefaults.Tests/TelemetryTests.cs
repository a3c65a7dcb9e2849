using System.Text.Json;
using AvaOlo.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace AvaOlo.ServiceDefaults.Tests;

public sealed class AggregatorTests
{
    private static readonly TelemetryOptions Options = new() { Service = "svc", InstanceId = "i-1" };

    [Fact]
    public void Requests_are_counted_per_minute_by_status_class_with_their_latency()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 6, 0, 10, TimeSpan.Zero));
        using var agg = new MinuteAggregator(clock, Options);
        foreach (var (status, ms) in new[] { (200, 3.0), (200, 30.0), (404, 1.0), (503, 6000.0) })
        {
            agg.RequestStarted();
            agg.RequestFinished("/api/v1/farmer/{id}/fields", status, ms);
        }
        clock.Advance(TimeSpan.FromMinutes(1));
        agg.RequestStarted();
        agg.RequestFinished("/health", 200, 1);

        var closed = agg.TakeClosed(includeCurrent: false, new ProcessSample(5, 100, 40));

        var m = Assert.Single(closed).Totals;
        Assert.Equal((4L, 1L, 1L), (m.Requests, m.Http4xx, m.Http5xx));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero), m.Minute);
        Assert.Equal(("svc", "i-1", 1), (m.Service, m.Instance, m.ActiveConnections));
        Assert.Equal(4, m.LatencyBuckets.Sum());
        Assert.Equal(3, Assert.Single(closed).Routes.Count);
        Assert.Single(agg.TakeClosed(includeCurrent: true, new ProcessSample(0, 0, null)));
    }

    [Fact]
    public void Route_keys_are_capped_so_memory_stays_bounded()
    {
        using var agg = new MinuteAggregator(new FakeTimeProvider(), Options);
        for (var i = 0; i < MinuteAggregator.MaxRoutesPerMinute + 50; i++)
        {
            agg.RequestStarted();
            agg.RequestFinished($"/r{i}", 200, 1);
        }

        var routes = Assert.Single(agg.TakeClosed(true, new ProcessSample(0, 0, null))).Routes;

        Assert.Equal(MinuteAggregator.MaxRoutesPerMinute + 1, routes.Count);
        Assert.Equal(50, routes.Single(r => r.Route == "(other)").Requests);
    }

    [Fact]
    public void Custom_metrics_recorded_through_the_public_api_reach_the_rollup()
    {
        using var agg = new MinuteAggregator(new FakeTimeProvider(), Options);
        AvaOloMetrics.RecordConstitutionalViolation("mango_rule");
        AvaOloMetrics.RecordLlmQuery(1200, success: true);
        AvaOloMetrics.RecordLlmQuery(300, success: false);
        AvaOloMetrics.RecordLocalization(matched: true);
        AvaOloMetrics.RecordLocalization(matched: false);
        AvaOloMetrics.RecordDatabaseQueryTime(12.5);
        AvaOloMetrics.RecordDatabaseConnectionError();

        var m = Assert.Single(agg.TakeClosed(true, new ProcessSample(0, 0, null))).Totals;

        // Other tests in this process may record too, so at least, not exactly.
        Assert.True(m.ConstitutionalViolations >= 1 && m.LlmQueries >= 2 && m.LlmFailures >= 1);
        Assert.True(m.LocalizationTotal >= 2 && m.LocalizationMatched >= 1 && m.DbQueries >= 1 && m.DbConnectionErrors >= 1);
    }
}

public sealed class EmfTests
{
    [Fact]
    public void Emf_line_names_the_namespace_dimension_and_the_alarm_metrics()
    {
        var buckets = LatencyBuckets.Empty();
        buckets[LatencyBuckets.IndexOf(20)] = 10;
        var minute = new FlushedMinute(new()
        {
            Minute = new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero), Service = "ava-olo-agricultural-core", Instance = "i-1",
            Requests = 10, Http5xx = 2, LatencyBuckets = buckets, LlmLatencyBuckets = LatencyBuckets.Empty(), ConstitutionalViolations = 1,
        }, []);

        using var doc = JsonDocument.Parse(EmfWriter.Format(minute));
        var root = doc.RootElement;
        var cw = root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];

        Assert.Equal("AvaOlo", cw.GetProperty("Namespace").GetString());
        Assert.Equal("Service", cw.GetProperty("Dimensions")[0][0].GetString());
        var names = cw.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()).ToList();
        Assert.Contains("Http5xx", names);
        Assert.Contains("LatencyP99", names);
        Assert.Contains("DbConnectionErrors", names);
        Assert.Contains("ConstitutionalViolations", names);
        Assert.DoesNotContain("LLMQueryLatency", names); // no model calls that minute: no data point, not a zero
        Assert.Equal(2, root.GetProperty("Http5xx").GetDouble());
        Assert.Equal("ava-olo-agricultural-core", root.GetProperty("Service").GetString());
        Assert.Equal(1795932000000, root.GetProperty("_aws").GetProperty("Timestamp").GetInt64());
        Assert.InRange(root.GetProperty("LatencyP99").GetDouble(), 10, 25);
    }
}

public sealed class OptionsTests
{
    [Theory]
    [InlineData(null, 30, true)]
    [InlineData("7", 7, true)]
    [InlineData("0", 0, false)]
    [InlineData("abc", -1, false)]
    public void Retention_days_default_to_30_and_nonsense_is_refused(string? raw, int days, bool valid)
    {
        var o = TelemetryOptions.FromConfiguration("svc", k => k == "METRICS_RETENTION_DAYS" ? raw : null);
        Assert.Equal(days, o.RetentionDays);
        Assert.Equal(valid, o.Validate().Count == 0);
    }

    [Fact]
    public void Instance_id_comes_from_INSTANCE_ID_else_host_and_process()
    {
        Assert.Equal("i-7", TelemetryOptions.FromConfiguration("svc", k => k == "INSTANCE_ID" ? "i-7" : null).InstanceId);
        Assert.EndsWith($"-{Environment.ProcessId}", TelemetryOptions.FromConfiguration("svc", _ => null).InstanceId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("api_key", true)]
    [InlineData("ApiKey", true)]
    [InlineData("farmer_id", false)]
    [InlineData("language", false)]
    public void Secret_looking_log_fields_are_redacted(string key, bool secret) => Assert.Equal(secret, JsonLogFormatter.IsSecretName(key));
}
