using System.Text.Json.Nodes;

namespace AvaOlo.Deploy.Tests;

[Collection(SynthCollection.Name)]
public sealed class AppRunnerTemplateTests(AppRunnerSynth s) : CommonTemplateTests(s)
{
    private JsonObject ServiceProps(string name) =>
        S.ServicesJson.Resources("AWS::AppRunner::Service").Single(r => (string?)r.Props["ServiceName"] == name).Props;

    private JsonNode ImageConfig(string name) => ServiceProps(name)["SourceConfiguration"]!["ImageRepository"]!["ImageConfiguration"]!;

    protected override IEnumerable<string> AllowedDatabaseClients() => [S.DataJson.LogicalId("AWS::EC2::SecurityGroup", "AppSecurityGroup")];

    protected override IEnumerable<(string Name, JsonNode? Value)> PlainEnvironmentVariables() =>
        Names.Services.SelectMany(n => ImageConfig(n)["RuntimeEnvironmentVariables"]!.AsArray().Select(kv => ((string)kv!["Name"]!, kv["Value"])))
            .Concat(MigrateEnvironment(S.DataJson));

    internal static IEnumerable<(string, JsonNode?)> MigrateEnvironment(JsonObject data) =>
        data.Resources("AWS::ECS::TaskDefinition").SelectMany(t => t.Props["ContainerDefinitions"]!.AsArray())
            .SelectMany(c => c!["Environment"]!.AsArray().Select(kv => ((string)kv!["Name"]!, kv["Value"])));

    private IEnumerable<JsonNode> InstanceRoleStatements(string service) =>
        S.ServicesJson.PoliciesOf((string)ServiceProps(service)["InstanceConfiguration"]!["InstanceRoleArn"]!["Fn::GetAtt"]![0]!).SelectMany(p => p.Statements());

    protected override IEnumerable<JsonNode> SecretReadingRoleStatements(string service) => InstanceRoleStatements(service);

    protected override IEnumerable<JsonNode> TelemetryRoleStatements(string service) => InstanceRoleStatements(service);

    protected override IReadOnlyDictionary<string, (string? Resource, string Field)> SecretReferences(string service) =>
        ImageConfig(service)["RuntimeEnvironmentSecrets"]!.AsArray().ToDictionary(kv => (string)kv!["Name"]!, kv => SecretRef(S.DataJson, kv!["Value"]!));

    internal static (string?, string) SecretRef(JsonObject data, JsonNode value) => value["Fn::Join"] is JsonArray join
        ? (data.ExportedResource(join[1]![0]), (string)join[1]![1]!)
        : (data.ExportedResource(value), "");

    [Fact]
    public void Both_services_run_at_a_quarter_vcpu_and_half_a_gigabyte_on_port_8080()
    {
        foreach (var name in Names.Services)
        {
            var props = ServiceProps(name);
            Assert.Equal("256", (string?)props["InstanceConfiguration"]!["Cpu"]);
            Assert.Equal("512", (string?)props["InstanceConfiguration"]!["Memory"]);
            Assert.Equal("8080", (string?)ImageConfig(name)["Port"]);
        }
    }

    [Fact]
    public void Health_check_is_http_get_health_every_10s_with_5s_timeout_1_healthy_5_unhealthy()
    {
        S.Services.ResourcePropertiesCountIs("AWS::AppRunner::Service", new Dictionary<string, object>
        {
            ["HealthCheckConfiguration"] = new Dictionary<string, object>
            {
                ["Protocol"] = "HTTP", ["Path"] = "/health", ["Interval"] = 10, ["Timeout"] = 5, ["HealthyThreshold"] = 1, ["UnhealthyThreshold"] = 5,
            },
        }, 2);
    }

    [Fact]
    public void Scaling_is_1_to_25_instances_at_100_concurrent_requests_for_both_services()
    {
        S.Services.HasResourceProperties("AWS::AppRunner::AutoScalingConfiguration", new Dictionary<string, object>
        {
            ["MinSize"] = 1, ["MaxSize"] = 25, ["MaxConcurrency"] = 100,
        });
        var scaling = S.ServicesJson.Resources("AWS::AppRunner::AutoScalingConfiguration").Single().Id;
        Assert.All(Names.Services, n => Assert.Equal(scaling, (string?)ServiceProps(n)["AutoScalingConfigurationArn"]!["Fn::GetAtt"]![0]));
    }

    [Fact]
    public void Images_come_from_ecr_with_the_deployed_tag_and_automatic_deployments()
    {
        var access = S.ServicesJson.LogicalId("AWS::IAM::Role", "EcrAccessRole");
        foreach (var name in Names.Services)
        {
            var source = ServiceProps(name)["SourceConfiguration"]!;
            Assert.True((bool)source["AutoDeploymentsEnabled"]!);
            Assert.Equal("ECR", (string?)source["ImageRepository"]!["ImageRepositoryType"]);
            Assert.EndsWith($"/{name}:{Synthesized.ImageTag}\"", source["ImageRepository"]!["ImageIdentifier"]!.ToJsonString().Replace("\"]]}", "\"", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Equal(access, (string?)source["AuthenticationConfiguration"]!["AccessRoleArn"]!["Fn::GetAtt"]![0]);
        }
        var pulls = S.ServicesJson.PoliciesOf(access).SelectMany(p => p.Statements()).Where(st => st.Actions().Contains("ecr:BatchGetImage")).ToList();
        Assert.All(Names.Services, n => Assert.Contains(pulls, st => st.ToJsonString().Contains($":repository/{n}", StringComparison.Ordinal)));
        Assert.Contains("build.apprunner.amazonaws.com", S.ServicesJson["Resources"]![access]!["Properties"]!["AssumeRolePolicyDocument"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Outbound_traffic_goes_through_a_vpc_connector_in_the_private_subnets_with_the_database_client_group()
    {
        var connector = S.ServicesJson.Resources("AWS::AppRunner::VpcConnector").Single();
        var appSg = S.DataJson.LogicalId("AWS::EC2::SecurityGroup", "AppSecurityGroup");
        Assert.Equal([appSg], connector.Props["SecurityGroups"]!.AsArray().Select(g => S.DataJson.ExportedResource(g)));
        var subnets = connector.Props["Subnets"]!.AsArray().Select(g => S.DataJson.ExportedResource(g)!).ToList();
        Assert.Equal(2, subnets.Count);
        Assert.All(subnets, id => Assert.StartsWith("Vpcapp", id, StringComparison.Ordinal));
        foreach (var name in Names.Services)
        {
            var egress = ServiceProps(name)["NetworkConfiguration"]!["EgressConfiguration"]!;
            Assert.Equal("VPC", (string?)egress["EgressType"]);
            Assert.Equal(connector.Id, (string?)egress["VpcConnectorArn"]!["Fn::GetAtt"]![0]);
        }
    }

    [Fact]
    public void Instance_roles_are_assumed_by_app_runner_tasks()
    {
        foreach (var name in Names.Services)
        {
            var role = (string)ServiceProps(name)["InstanceConfiguration"]!["InstanceRoleArn"]!["Fn::GetAtt"]![0]!;
            var trust = S.ServicesJson["Resources"]![role]!["Properties"]!["AssumeRolePolicyDocument"]!.ToJsonString();
            Assert.Contains("tasks.apprunner.amazonaws.com", trust, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void App_runner_log_groups_get_a_retention()
    {
        foreach (var name in Names.Services)
            foreach (var kind in new[] { "application", "service" })
                Assert.Contains(S.ServicesJson.Resources("Custom::LogRetention"), r =>
                    (int?)r.Props["RetentionInDays"] == 30
                    && r.Props["LogGroupName"]!.ToJsonString().Contains($"/aws/apprunner/{name}/", StringComparison.Ordinal)
                    && r.Props["LogGroupName"]!.ToJsonString().Contains($"/{kind}", StringComparison.Ordinal));
    }

    [Fact]
    public void The_dashboards_know_where_the_core_service_is()
    {
        var core = S.ServicesJson.Resources("AWS::AppRunner::Service").Single(r => (string?)r.Props["ServiceName"] == Names.CoreService).Id;
        var url = ImageConfig(Names.DashboardsService)["RuntimeEnvironmentVariables"]!.AsArray().Single(kv => (string?)kv!["Name"] == "AGRICULTURAL_CORE_URL")!["Value"]!;
        Assert.Contains($"\"{core}\",\"ServiceUrl\"", url.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Platform_alarms_and_dashboard_read_app_runner_metrics_of_each_service()
    {
        foreach (var name in Names.Services)
        {
            var fivexx = Alarm($"{name}-platform-5xx");
            Assert.Equal("AWS/AppRunner", (string?)fivexx["Namespace"]);
            Assert.Equal("5xxStatusResponses", (string?)fivexx["MetricName"]);
            Assert.Contains(fivexx["Dimensions"]!.AsArray(), d => (string?)d!["Name"] == "ServiceName" && (string?)d["Value"] == name);
        }
        var body = S.ServicesJson.Resources("AWS::CloudWatch::Dashboard").Single().Props["DashboardBody"]!.ToJsonString();
        Assert.Contains("RequestLatency", body, StringComparison.Ordinal);
    }
}
