extern alias core;
using System.Net;
using System.Text.Json;
using AvaOlo.ServiceDefaults.Telemetry;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AvaOlo.MonitoringDashboards.Tests.Monitoring;

/// <summary>Real requests through the core service, flushed by its own telemetry, read back by the dashboards.</summary>
[Collection("database")]
public sealed class MetricsApiTests(DashboardsServer server) : DashboardTest(server)
{
    [Fact]
    public async Task Traffic_through_the_core_service_shows_in_api_metrics_and_in_its_emf_line_with_exact_counts()
    {
        var emf = new StringWriter();
        // The core's EMF lines go to this writer instead of stdout.
        await using var coreApp = new ServiceHost<core::Program>(Database.Environment(), new Dictionary<string, string?> { ["INSTANCE_ID"] = "core-test-1" },
            s => s.AddSingleton(sp => new EmfWriter(sp.GetRequiredService<IOptions<TelemetryOptions>>(), sp.GetServices<RolledUpMetric>(), emf)));
        using var client = new HttpClient { BaseAddress = coreApp.BaseAddress };
        var slowest = 0.0;
        for (var i = 0; i < 20; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var ok = await client.GetAsync("/health");
            slowest = Math.Max(slowest, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        for (var i = 0; i < 3; i++)
        {
            using var unauthorised = await client.GetAsync("/api/v1/farmers");
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        }
        Assert.True(await coreApp.Services.GetRequiredService<TelemetryFlusher>().FlushNowAsync());

        // The same instrument (ASP.NET Core's request duration) fed the CloudWatch line of that minute.
        using (var line = JsonDocument.Parse(Assert.Single(emf.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))))
        {
            var e = line.RootElement;
            Assert.Equal(("ava-olo-agricultural-core", "core-test-1"), (e.GetProperty("Service").GetString(), e.GetProperty("Instance").GetString()));
            Assert.Equal((23.0, 3.0, 0.0), (e.GetProperty("Requests").GetDouble(), e.GetProperty("Http4xx").GetDouble(), e.GetProperty("Http5xx").GetDouble()));
            Assert.InRange(e.GetProperty("LatencyP99").GetDouble(), 0, LatencyBuckets.BucketAround(slowest).Upper);
            Assert.Equal(0, e.GetProperty("ConstitutionalViolations").GetDouble());
        }

        using var browser = await SignedInAsync(UserRoles.Business);
        var (status, body) = await browser.GetPageAsync("/api/metrics?window=5m&service=ava-olo-agricultural-core");

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(23, root.GetProperty("requests").GetInt64());
        Assert.Equal(3, root.GetProperty("http_4xx").GetInt64());
        Assert.Equal(0, root.GetProperty("http_5xx").GetInt64());
        Assert.Equal(1, root.GetProperty("instances").GetInt32());
        var p50 = root.GetProperty("latency_p50_ms").GetDouble();
        var p99 = root.GetProperty("latency_p99_ms").GetDouble();
        Assert.InRange(p50, 0, p99);
        // Server time is below what the client measured, so p99 lies at most in the bucket of the slowest request.
        Assert.InRange(p99, 0, LatencyBuckets.BucketAround(slowest).Upper);
        Assert.Contains(root.GetProperty("series").EnumerateArray(), p => p.GetProperty("requests").GetInt64() > 0);
        var routes = root.GetProperty("routes").EnumerateArray().ToList();
        Assert.Contains(routes, r => r.GetProperty("route").GetString() == "/health" && r.GetProperty("requests").GetInt64() == 20);
        Assert.Contains(routes, r => r.GetProperty("status_class").GetString() == "4xx" && r.GetProperty("requests").GetInt64() == 3);

        var (_, hourly) = await browser.GetPageAsync("/api/metrics?window=24h&service=ava-olo-agricultural-core");
        using var h = JsonDocument.Parse(hourly);
        Assert.Equal(23, h.RootElement.GetProperty("requests").GetInt64());
    }

    [Fact]
    public async Task Monitoring_json_needs_a_signed_in_user_and_a_known_window()
    {
        using var anonymous = Server.NewBrowser();
        using (var r = await anonymous.GetAsync("/api/metrics")) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        using (var r = await anonymous.GetAsync("/api/health")) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);

        using var browser = await SignedInAsync(UserRoles.Agronomist);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetPageAsync("/api/metrics?window=2y")).Status);
        foreach (var w in new[] { "5m", "1h", "24h", "7d" })
            Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync($"/api/metrics?window={w}")).Status);
    }

    [Fact]
    public async Task Api_health_reports_every_component_without_secrets()
    {
        using var browser = await SignedInAsync(UserRoles.Admin);
        var (status, body) = await browser.GetPageAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        var c = json.RootElement.GetProperty("components");
        Assert.Equal("ok", c.GetProperty("database").GetProperty("status").GetString());
        Assert.True(c.GetProperty("database").GetProperty("details").GetProperty("connections_max").GetInt32() > 0);
        Assert.Equal("not_configured", c.GetProperty("agricultural_core").GetProperty("status").GetString());
        Assert.Equal("closed", c.GetProperty("language_model").GetProperty("details").GetProperty("circuit").GetString());
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        Assert.DoesNotContain(Database.ServiceOptions.Password ?? "no-password-set", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prometheus_metrics_endpoint_exposes_the_request_and_custom_instruments()
    {
        using var browser = Server.NewBrowser();
        await browser.GetPageAsync("/health");
        var (status, text) = await browser.GetPageAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);
        // The rollups' fixed buckets (ms) in the instrument's own unit (s): one pipeline, one set of boundaries.
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("le=\"0.001\"", text, StringComparison.Ordinal); // 1 ms: not among ASP.NET Core's own boundaries
        Assert.Contains("avaolo_process_memory_mb", text, StringComparison.Ordinal);
        Assert.Contains("avaolo_http_server_active_requests_peak", text, StringComparison.Ordinal);
    }
}
