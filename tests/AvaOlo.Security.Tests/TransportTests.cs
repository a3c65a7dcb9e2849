using System.Net;
using AvaOlo.Testing;

namespace AvaOlo.Security.Tests;

/// <summary>
/// HSTS behind the TLS-terminating load balancer, and the Prometheus scrape token, on both services: each service
/// runs as deployed, with ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (what the CDK app sets).
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class TransportTests(TestDatabase database)
{
    private const string Token = "scrape-7f3a-token";

    private static readonly Dictionary<string, string?> AsDeployed = new()
    {
        ["ForwardedHeaders_Enabled"] = "true", // ASPNETCORE_FORWARDEDHEADERS_ENABLED, as configuration sees it
    };

    [Fact]
    public async Task Hsts_is_sent_on_every_https_response_behind_the_load_balancer_and_never_over_plain_http_or_to_localhost()
    {
        await database.ResetAsync();
        await using var core = new ServiceHost<AvaOlo.AgriculturalCore.Auth.Caller>(database.Unlimited(), AsDeployed);
        await using var dashboards = new ServiceHost<AvaOlo.MonitoringDashboards.Auth.DashboardSignIn>(database.Unlimited(), AsDeployed);
        var failures = new List<string>();
        Func<HttpClient> coreClient = () => core.Client(), dashboardsClient = () => dashboards.Client();
        foreach (var (open, path) in new[]
                 {
                     (coreClient, "/health"), (coreClient, "/api/v1/farmers"), (coreClient, "/nope"), (coreClient, "/api/v1/farmers?country_code=%00"),
                     (dashboardsClient, "/health"), (dashboardsClient, "/login"), (dashboardsClient, "/admin"), (dashboardsClient, "/api/metrics"),
                 })
        {
            using var client = open();
            var viaTls = await SendAsync(client, path, "https", "ava-olo.example.com");
            if (viaTls.Sts != "max-age=31536000") failures.Add($"{path} via https: Strict-Transport-Security is {viaTls.Sts ?? "missing"} ({viaTls.Status})");
            foreach (var (proto, hostName) in new[] { ("http", "ava-olo.example.com"), (null, "ava-olo.example.com"), ("https", "localhost") })
            {
                var plain = await SendAsync(client, path, proto, hostName);
                if (plain.Sts is not null) failures.Add($"{path} with X-Forwarded-Proto {proto ?? "(none)"} to {hostName}: Strict-Transport-Security sent");
            }
        }
        Report.NoFailures(failures, 32, "responses");
    }

    [Fact]
    public async Task Metrics_need_the_scrape_token_as_a_bearer_credential_on_both_services()
    {
        await database.ResetAsync();
        // The token is read while the host is built, before a test host's own settings are visible: it is given as
        // the operators give it, in the environment, for as long as the two hosts take to start.
        ServiceHost<AvaOlo.AgriculturalCore.Auth.Caller> core;
        ServiceHost<AvaOlo.MonitoringDashboards.Auth.DashboardSignIn> dashboards;
        Environment.SetEnvironmentVariable("PROMETHEUS_SCRAPE_TOKEN", Token);
        try
        {
            core = new(database.Environment(), AsDeployed);
            dashboards = new(database.Environment(), AsDeployed);
        }
        finally { Environment.SetEnvironmentVariable("PROMETHEUS_SCRAPE_TOKEN", null); }
        await using var _ = core;
        await using var __ = dashboards;
        foreach (var open in new Func<HttpClient>[] { () => core.Client(), () => dashboards.Client() })
        {
            using var client = open();
            foreach (var wrong in new[] { null, "Bearer scrape-7f3a-toke", "Bearer scrape-7f3a-tokenX", "Basic c2NyYXBlLTdmM2EtdG9rZW4=" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
                if (wrong is not null) request.Headers.TryAddWithoutValidation("Authorization", wrong);
                using var refused = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
                Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
            }
            foreach (var scheme in new[] { "Bearer", "bearer" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
                request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {Token}");
                using var ok = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
                Assert.Contains("# TYPE", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }

    private static async Task<(int Status, string? Sts)> SendAsync(HttpClient client, string path, string? forwardedProto, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (forwardedProto is not null) request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", forwardedProto);
        request.Headers.Host = host;
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, response.Headers.TryGetValues("Strict-Transport-Security", out var v) ? string.Join(",", v) : null);
    }
}
