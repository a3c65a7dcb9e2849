using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace AvaOlo.Deploy.Tests;

/// <summary>Public names, HTTPS, the saved log queries and optional channel secrets, for both compute choices.</summary>
[Collection(SynthCollection.Name)]
public sealed class PublicAccessTests(AppRunnerSynth appRunner, FargateSynth fargate, AppRunnerDomainSynth appRunnerDomain)
{
    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "";

    /// <summary>A string property as CloudFormation will see it, references written as "TOKEN" (e.g. a custom resource's JSON call).</summary>
    private static string Flatten(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Join((string?)join[0], join[1]!.AsArray().Select(Flatten)),
        _ => "TOKEN",
    };

    [Fact]
    public void Fargate_without_a_certificate_does_not_synthesize_unless_dev_allows_plain_http()
    {
        var e = Assert.Throws<ArgumentException>(() => AvaOloApp.Build(new Amazon.CDK.App(), new DeploySettings { Compute = Compute.Fargate }));
        Assert.Contains("HTTPS only", e.Message, StringComparison.Ordinal);
        Assert.Contains("-c dev=true", e.Message, StringComparison.Ordinal);
        Assert.Contains("domainName", e.Message, StringComparison.Ordinal);

        var dev = AvaOloApp.Build(new Amazon.CDK.App(), DeploySettings.FromContext(k => k switch { "compute" => "fargate", "dev" => "true", _ => null }));
        var listeners = Synthesized.Parse(Template.FromStack(dev.Services)).Resources("AWS::ElasticLoadBalancingV2::Listener").Select(l => l.Props).ToList();
        Assert.Equal([80, 8081], listeners.Select(l => (int)l["Port"]!).Order());
        Assert.All(listeners, l => Assert.Equal("HTTP", (string?)l["Protocol"]));
    }

    [Fact]
    public void Fargate_with_a_domain_serves_https_only_with_a_dns_validated_certificate_and_alias_records()
    {
        var listeners = fargate.ServicesJson.Resources("AWS::ElasticLoadBalancingV2::Listener").Select(l => l.Props).ToList();
        Assert.Equal([80, 443, 8443], listeners.Select(l => (int)l["Port"]!).Order());
        var redirect = listeners.Single(l => (int)l["Port"]! == 80);
        Assert.Equal("redirect", (string?)redirect["DefaultActions"]![0]!["Type"]);
        Assert.Equal("HTTPS", (string?)redirect["DefaultActions"]![0]!["RedirectConfig"]!["Protocol"]);
        Assert.Equal("443", (string?)redirect["DefaultActions"]![0]!["RedirectConfig"]!["Port"]);
        var cert = fargate.ServicesJson.LogicalId("AWS::CertificateManager::Certificate", "Certificate");
        foreach (var https in listeners.Where(l => (int)l["Port"]! != 80))
        {
            Assert.Equal("HTTPS", (string?)https["Protocol"]);
            Assert.Equal("ELBSecurityPolicy-TLS13-1-2-2021-06", (string?)https["SslPolicy"]);
            Assert.Equal(cert, (string?)https["Certificates"]![0]!["CertificateArn"]!["Ref"]);
        }
        fargate.Services.HasResourceProperties("AWS::CertificateManager::Certificate", new Dictionary<string, object>
        {
            ["DomainName"] = Synthesized.Domain,
            ["SubjectAlternativeNames"] = new[] { "dashboards." + Synthesized.Domain },
            ["ValidationMethod"] = "DNS",
        });
        var aliases = fargate.ServicesJson.Resources("AWS::Route53::RecordSet").Select(r => r.Props).ToList();
        Assert.Equal(["api.avaolo.example.", "dashboards.api.avaolo.example."], aliases.Select(a => (string)a["Name"]!).Order());
        Assert.All(aliases, a => Assert.Equal("A", (string?)a["Type"]));
        Assert.All(aliases, a => Assert.Equal(Synthesized.ZoneId, (string?)a["HostedZoneId"]));
        Assert.All(aliases, a => Assert.Contains("DNSName", Text(a["AliasTarget"]), StringComparison.Ordinal));
        var urls = fargate.ServicesJson["Outputs"]!.AsObject().ToDictionary(o => o.Key, o => Text(o.Value!["Value"]));
        Assert.Equal("\"https://api.avaolo.example\"", urls["CoreUrl"]);
        Assert.Equal("\"https://dashboards.api.avaolo.example:8443\"", urls["DashboardsUrl"]);
    }

    [Fact]
    public void App_runner_associates_each_service_with_its_name_through_a_custom_resource_and_a_cname()
    {
        var json = appRunnerDomain.ServicesJson;
        var calls = json.Resources("Custom::AWS").Select(r => r.Props).ToList();
        Assert.Equal(2, calls.Count);
        foreach (var (service, host) in new[] { (Names.CoreService, Synthesized.Domain), (Names.DashboardsService, "dashboards." + Synthesized.Domain) })
        {
            var serviceId = json.Resources("AWS::AppRunner::Service").Single(r => (string?)r.Props["ServiceName"] == service).Id;
            var call = calls.Single(c => (string?)JsonNode.Parse(Flatten(c["Create"]))!["parameters"]!["DomainName"] == host);
            var create = JsonNode.Parse(Flatten(call["Create"]))!;
            Assert.Equal("AppRunner", (string?)create["service"]);
            Assert.Equal("associateCustomDomain", (string?)create["action"]);
            Assert.False((bool)create["parameters"]!["EnableWWWSubdomain"]!);
            Assert.Contains($"\"{serviceId}\",\"ServiceArn\"", Text(call["Create"]), StringComparison.Ordinal);
            var delete = JsonNode.Parse(Flatten(call["Delete"]))!;
            Assert.Equal("disassociateCustomDomain", (string?)delete["action"]);
            Assert.Equal(host, (string?)delete["parameters"]!["DomainName"]);
            var cname = json.Resources("AWS::Route53::RecordSet").Single(r => (string?)r.Props["Name"] == host + ".").Props;
            Assert.Equal("CNAME", (string?)cname["Type"]);
            Assert.Contains("DNSTarget", Text(cname["ResourceRecords"]), StringComparison.Ordinal);
        }
        // The custom resource's function may associate and disassociate domains of these two services, nothing else.
        var statements = json.Resources("AWS::IAM::Policy").SelectMany(p => p.Props.Statements())
            .Where(st => st.Actions().Any(a => a.StartsWith("apprunner:", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(statements);
        Assert.All(statements, st => Assert.Equal(["apprunner:AssociateCustomDomain", "apprunner:DisassociateCustomDomain"], st.Actions().Order()));
        Assert.All(statements, st => Assert.All(st.ResourcesOf(), r => Assert.Contains("ServiceArn", Text(r), StringComparison.Ordinal)));
        var dashboardsEnv = json.Resources("AWS::AppRunner::Service").Single(r => (string?)r.Props["ServiceName"] == Names.DashboardsService)
            .Props["SourceConfiguration"]!["ImageRepository"]!["ImageConfiguration"]!["RuntimeEnvironmentVariables"]!.AsArray();
        Assert.Contains(dashboardsEnv, kv => (string?)kv!["Name"] == "AGRICULTURAL_CORE_URL" && (string?)kv["Value"] == "https://api.avaolo.example");
    }

    [Fact]
    public void App_runner_gets_every_secret_as_a_whole_secret_arn_never_with_a_json_key()
    {
        foreach (var synth in new Synthesized[] { appRunner, appRunnerDomain })
            foreach (var (_, service) in synth.ServicesJson.Resources("AWS::AppRunner::Service"))
                foreach (var secret in service["SourceConfiguration"]!["ImageRepository"]!["ImageConfiguration"]!["RuntimeEnvironmentSecrets"]!.AsArray())
                    Assert.NotNull(secret!["Value"]!["Fn::ImportValue"]); // the secret's ARN as exported, no Fn::Join with ":key::"
    }

    [Fact]
    public void The_saved_log_queries_are_exactly_the_tested_ones_on_the_right_log_groups()
    {
        foreach (var synth in new Synthesized[] { appRunner, fargate })
        {
            var saved = synth.ServicesJson.Resources("AWS::Logs::QueryDefinition").ToDictionary(q => (string)q.Props["Name"]!, q => q.Props);
            Assert.Equal(LogQueries.All.Select(q => q.Name).Order(), saved.Keys.Order());
            foreach (var query in LogQueries.All) Assert.Equal(query.Query, (string?)saved[query.Name]["QueryString"]);
            var groups = saved.ToDictionary(kv => kv.Key, kv => Text(kv.Value["LogGroupNames"]));
            var core = synth.Compute == Compute.Fargate ? "/ava-olo/ava-olo-agricultural-core" : "/aws/apprunner/ava-olo-agricultural-core/";
            var dashboards = synth.Compute == Compute.Fargate ? "/ava-olo/ava-olo-monitoring-dashboards" : "/aws/apprunner/ava-olo-monitoring-dashboards/";
            Assert.Contains(core, groups[LogQueries.HungarianSpeakersInCroatiaPerHour.Name], StringComparison.Ordinal);
            Assert.DoesNotContain(dashboards, groups[LogQueries.ConstitutionalViolations.Name], StringComparison.Ordinal);
            Assert.Contains(dashboards, groups[LogQueries.ServerErrors.Name], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Whatsapp_credentials_reach_the_core_by_reference_only_for_the_chosen_channels()
    {
        Assert.DoesNotContain(appRunner.DataJson.Resources("AWS::SecretsManager::Secret"), r => ((string?)r.Props["Name"])!.Contains("whatsapp", StringComparison.Ordinal));
        var stacks = AvaOloApp.Build(new Amazon.CDK.App(), Synthesized.SettingsFor(Compute.Fargate) with { WhatsApp = ["meta", "twilio"] });
        var data = Synthesized.Parse(Template.FromStack(stacks.Data));
        var services = Synthesized.Parse(Template.FromStack(stacks.Services));
        var names = Names.WhatsAppSecrets.Values.SelectMany(v => v).ToList();
        Assert.Equal(7, names.Count);
        foreach (var name in names)
            Assert.Contains(data.Resources("AWS::SecretsManager::Secret"), r => (string?)r.Props["Name"] == "avaolo/production/" + name.ToLowerInvariant().Replace('_', '-'));
        string[] SecretsOf(string family) => services.Resources("AWS::ECS::TaskDefinition").Single(t => (string?)t.Props["Family"] == family)
            .Props["ContainerDefinitions"]![0]!["Secrets"]!.AsArray().Select(x => (string)x!["Name"]!).ToArray();
        Assert.Subset(SecretsOf(Names.CoreService).ToHashSet(), names.ToHashSet());
        // The dashboards stream media to agronomists: the fetching credentials only, never what could forge a webhook.
        Assert.Equal(["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "WHATSAPP_ACCESS_TOKEN"],
            SecretsOf(Names.DashboardsService).Where(n => n.StartsWith("WHATSAPP", StringComparison.Ordinal) || n.StartsWith("TWILIO", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }
}
