using System.Diagnostics.Metrics;
using System.Text.Json;
using AvaOlo.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AvaOlo.ServiceDefaults.Tests;

/// <summary>The minute exporter on the real OpenTelemetry SDK: instruments in, rollups out, as the services run it.</summary>
public sealed class MinuteExporterTests : IDisposable
{
    private readonly Meter _meter = new($"AvaOlo.Tests.{Guid.NewGuid():N}");
    private readonly List<IDisposable> _providers = [];
    private MinutePipeline? _pipeline;

    private static readonly RolledUpMetric Http = new("test.http.server.request.duration", RollupKind.Histogram)
    {
        Scale = 1000, LabelTag = "http.response.status_code", Label = HttpMetrics.StatusClass, PerRoute = true,
    };

    private static readonly RolledUpMetric Calls = new("test.llm.duration", RollupKind.Histogram) { LabelTag = "success", Label = v => v is true ? "ok" : "failed" };
    private static readonly RolledUpMetric Events = new("test.events", RollupKind.Sum);
    private static readonly RolledUpMetric Level = new("test.level", RollupKind.Gauge);

    /// <summary>The services' minute pipeline over this test's meter.</summary>
    private MinuteExporter Start()
    {
        RolledUpMetric[] declared = [.. new[] { Http, Calls, Events, Level }.Select(m => m with { Meter = _meter.Name })];
        var exporter = new MinuteExporter(declared, Options.Create(new TelemetryOptions { Service = "svc", InstanceId = "i-1" }));
        _pipeline = new MinutePipeline(exporter, declared);
        _providers.Add(_pipeline);
        return exporter;
    }

    private void Collect(MinuteExporter exporter) => Assert.True(_pipeline!.Collect(), $"{exporter} did not collect");

    [Fact]
    public void Only_the_rolled_up_instruments_are_listened_to()
    {
        Start();
        var declared = _meter.CreateCounter<long>(Events.Instrument);
        var undeclared = _meter.CreateCounter<long>("test.kestrel.connections"); // e.g. a framework instrument on the meter

        Assert.True(declared.Enabled);
        Assert.False(undeclared.Enabled); // dropped by the view: never aggregated, not even to be skipped at export
    }

    [Fact]
    public void Requests_are_rolled_up_by_status_class_with_their_latency_and_per_route()
    {
        var exporter = Start();
        var seconds = _meter.CreateHistogram<double>(Http.Instrument, "s");
        foreach (var (status, ms) in new[] { (200, 3.0), (200, 30.0), (404, 1.0), (503, 6000.0) })
            seconds.Record(ms / 1000, new("http.response.status_code", status), new("http.route", "/api/v1/farmer/{id}/fields"), new("http.request.method", "GET"));
        seconds.Record(0.001, new KeyValuePair<string, object?>("http.response.status_code", 404)); // no route matched

        Collect(exporter);

        var minute = Assert.Single(exporter.Take());
        Assert.Equal(("svc", "i-1"), (minute.Service, minute.Instance));
        Assert.Equal(Minutes.Of(DateTimeOffset.UtcNow), minute.Minute, TimeSpan.FromMinutes(1));
        var http = minute.Series(Http.Instrument);
        Assert.Equal((5L, 2L, 1L), (http.Count, http.CountOf("4xx"), http.CountOf("5xx")));
        Assert.Equal(6035, http.Sum, 3);
        Assert.Equal(1, http.Buckets[LatencyBuckets.IndexOf(6000)]); // the view's boundaries are the rollups' buckets
        Assert.Equal(2, http.Buckets[LatencyBuckets.IndexOf(1)]);
        Assert.InRange(http.Percentile(0.99)!.Value, 5000, 7500);
        Assert.Equal(4, minute.Routes.Count);
        Assert.Equal(2, minute.Routes.Single(r => r.Route == "/api/v1/farmer/{id}/fields" && r.StatusClass == "2xx").Requests);
        Assert.Equal(1, minute.Routes.Single(r => r.Route == MinuteExporter.Unmatched).Requests);
    }

    [Fact]
    public void Each_collection_holds_only_what_happened_since_the_previous_one()
    {
        var exporter = Start();
        var events = _meter.CreateCounter<long>(Events.Instrument);
        events.Add(1);
        events.Add(1);
        Collect(exporter);
        Assert.Equal(2, Assert.Single(exporter.Take()).Series(Events.Instrument).Count);

        Collect(exporter);
        Assert.Empty(exporter.Take()); // nothing happened: no minute, not a repeat of the last one

        events.Add(1);
        Collect(exporter);
        Assert.Equal(1, Assert.Single(exporter.Take()).Series(Events.Instrument).Count);
    }

    [Fact]
    public void A_tag_becomes_the_label_and_the_others_are_added_up()
    {
        var exporter = Start();
        var calls = _meter.CreateHistogram<double>(Calls.Instrument, "ms");
        calls.Record(1200, new("success", true), new("model", "a"));
        calls.Record(800, new("success", true), new("model", "b"));
        calls.Record(300, new KeyValuePair<string, object?>("success", false));

        Collect(exporter);

        var series = Assert.Single(exporter.Take()).Series(Calls.Instrument);
        Assert.Equal((3L, 2L, 1L), (series.Count, series.CountOf("ok"), series.CountOf("failed")));
        Assert.Equal(2300.0 / 3, series.Mean!.Value, 6);
    }

    [Fact]
    public void A_collection_with_nothing_but_gauges_is_no_minute_but_gauges_ride_along_with_events()
    {
        var exporter = Start();
        _meter.CreateObservableGauge(Level.Instrument, () => 42.0);
        Collect(exporter);
        Assert.Empty(exporter.Take());

        _meter.CreateCounter<long>(Events.Instrument).Add(1);
        Collect(exporter);
        var level = Assert.Single(exporter.Take()).Series(Level.Instrument);
        Assert.Equal((1L, 42.0), (level.Count, level.Sum));
    }

    [Fact]
    public void Route_keys_are_capped_so_memory_stays_bounded()
    {
        var exporter = Start();
        var seconds = _meter.CreateHistogram<double>(Http.Instrument, "s");
        for (var i = 0; i < MinuteExporter.MaxRoutesPerMinute + 50; i++)
            seconds.Record(0.001, new("http.response.status_code", 200), new("http.route", $"/r{i}"));

        Collect(exporter);

        var routes = Assert.Single(exporter.Take()).Routes;
        Assert.Equal(MinuteExporter.MaxRoutesPerMinute + 1, routes.Count);
        Assert.Equal(50, routes.Single(r => r.Route == MinuteExporter.OtherRoutes).Requests);
    }

    public void Dispose()
    {
        foreach (var p in _providers) p.Dispose();
        _meter.Dispose();
    }
}

public sealed class EmfTests
{
    private static readonly RolledUpMetric Violations = new("test.violations", RollupKind.Sum) { Emf = [new("ConstitutionalViolations", "Count", s => s.Count)] };
    private static readonly RolledUpMetric Llm = new("test.llm", RollupKind.Histogram) { Emf = [new("LLMQueryLatency", "Milliseconds", s => s.Mean)] };

    [Fact]
    public void Emf_line_names_the_namespace_dimension_and_the_alarm_metrics()
    {
        var buckets = LatencyBuckets.Empty();
        buckets[LatencyBuckets.IndexOf(20)] = 10;
        var http = HttpMetrics.Requests.Instrument;
        var minute = new InstanceMinute(new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero), "ava-olo-agricultural-core", "i-1",
            [new(http, "2xx", new(8, 160, buckets)), new(http, "5xx", new(2, 40, LatencyBuckets.Empty())), new(Violations.Instrument, "", new(1, 1, null))], []);

        using var doc = JsonDocument.Parse(EmfWriter.Format(minute, [HttpMetrics.Requests, Violations, Llm]));
        var root = doc.RootElement;
        var cw = root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];

        Assert.Equal("AvaOlo", cw.GetProperty("Namespace").GetString());
        Assert.Equal("Service", cw.GetProperty("Dimensions")[0][0].GetString());
        var names = cw.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()).ToList();
        Assert.Contains("Http5xx", names);
        Assert.Contains("LatencyP99", names);
        Assert.Contains("ConstitutionalViolations", names);
        Assert.DoesNotContain("LLMQueryLatency", names); // no model calls that minute: no data point, not a zero
        Assert.Equal(2, root.GetProperty("Http5xx").GetDouble());
        Assert.Equal(10, root.GetProperty("Requests").GetDouble());
        Assert.Equal(1, root.GetProperty("ConstitutionalViolations").GetDouble());
        Assert.Equal("ava-olo-agricultural-core", root.GetProperty("Service").GetString());
        Assert.Equal(1795932000000, root.GetProperty("_aws").GetProperty("Timestamp").GetInt64());
        Assert.InRange(root.GetProperty("LatencyP99").GetDouble(), 10, 25);
    }
}

public sealed class OptionsTests
{
    private static (TelemetryOptions Options, IReadOnlyList<string> Errors) Read(string key, string? raw) =>
        Settings.Read<TelemetryOptions>(k => k == key ? raw : null, o => o.Validate());

    [Theory]
    [InlineData(null, 30, null)]
    [InlineData("7", 7, null)]
    [InlineData("0", 30, "METRICS_RETENTION_DAYS must be a whole number of days between 1 and 3650")]
    [InlineData("abc", 30, "METRICS_RETENTION_DAYS must be a whole number (got \"abc\")")]
    public void Retention_days_default_to_30_and_nonsense_is_refused_naming_the_variable(string? raw, int days, string? error)
    {
        var (o, errors) = Read("METRICS_RETENTION_DAYS", raw);
        if (error is null) Assert.Equal((days, 0), (o.RetentionDays, errors.Count));
        else Assert.Equal(error, Assert.Single(errors));
    }

    [Theory]
    [InlineData("METRICS_EMF", "maybe", "METRICS_EMF must be true or false (got \"maybe\")")]
    [InlineData("LOG_FORMAT", "xml", "LOG_FORMAT must be json or text")]
    [InlineData("AVAOLO_BACKGROUND_JOBS", "no", "AVAOLO_BACKGROUND_JOBS must be true or false (got \"no\")")]
    public void A_bad_value_is_one_line_naming_its_variable(string key, string raw, string error) =>
        Assert.Equal(error, Assert.Single(Read(key, raw).Errors));

    [Fact]
    public void Instance_id_comes_from_INSTANCE_ID_else_host_and_process()
    {
        Assert.Equal("i-7", Read("INSTANCE_ID", " i-7 ").Options.InstanceId);
        Assert.EndsWith($"-{Environment.ProcessId}", Read("INSTANCE_ID", null).Options.InstanceId, StringComparison.Ordinal);
        Assert.EndsWith($"-{Environment.ProcessId}", Read("INSTANCE_ID", " ").Options.InstanceId, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_bound_in_a_host_read_the_same_variables()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection([new("METRICS_EMF", "false"), new("PROMETHEUS_SCRAPE_TOKEN", "  ")]).Build();
        var o = new TelemetryOptions();
        Settings.Bind(config, o);
        Assert.False(o.EmfEnabled);
        Assert.Null(o.ScrapeToken); // blank: no token
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
