using System.Text.Json.Nodes;

namespace AvaOlo.Deploy.Tests;

[Collection(SynthCollection.Name)]
public sealed class FargateTemplateTests(FargateSynth s) : CommonTemplateTests(s)
{
    private JsonObject TaskDef(string family) =>
        S.ServicesJson.Resources("AWS::ECS::TaskDefinition").Single(r => (string?)r.Props["Family"] == family).Props;

    private JsonNode Container(string family) => TaskDef(family)["ContainerDefinitions"]![0]!;

    private IEnumerable<JsonNode> RoleStatements(string family, string roleProperty) =>
        S.ServicesJson.PoliciesOf((string)TaskDef(family)[roleProperty]!["Fn::GetAtt"]![0]!).SelectMany(p => p.Statements());

    protected override IEnumerable<string> AllowedDatabaseClients() =>
        [S.DataJson.LogicalId("AWS::EC2::SecurityGroup", "AppSecurityGroup"), S.ServicesJson.LogicalId("AWS::EC2::SecurityGroup", "TasksSecurityGroup")];

    protected override IEnumerable<(string Name, JsonNode? Value)> PlainEnvironmentVariables() =>
        Names.Services.SelectMany(n => Container(n)["Environment"]!.AsArray().Select(kv => ((string)kv!["Name"]!, kv["Value"])))
            .Concat(AppRunnerTemplateTests.MigrateEnvironment(S.DataJson));

    // ECS resolves `secrets` with the task execution role, before the container starts.
    protected override IEnumerable<JsonNode> SecretReadingRoleStatements(string service) => RoleStatements(service, "ExecutionRoleArn");

    protected override IEnumerable<JsonNode> TelemetryRoleStatements(string service) => RoleStatements(service, "TaskRoleArn");

    protected override IReadOnlyDictionary<string, (string? Resource, string Field)> SecretReferences(string service) =>
        Container(service)["Secrets"]!.AsArray().ToDictionary(kv => (string)kv!["Name"]!, kv => AppRunnerTemplateTests.SecretRef(S.DataJson, kv!["ValueFrom"]!));

    [Fact]
    public void Tasks_have_256_cpu_512_mib_and_listen_on_8080()
    {
        foreach (var name in Names.Services)
        {
            var task = TaskDef(name);
            Assert.Equal("256", (string?)task["Cpu"]);
            Assert.Equal("512", (string?)task["Memory"]);
            Assert.Equal(["FARGATE"], task["RequiresCompatibilities"]!.AsArray().Select(x => (string)x!));
            Assert.Equal(8080, (int)Container(name)["PortMappings"]![0]!["ContainerPort"]!);
            Assert.Contains($"/{name}:{Synthesized.ImageTag}", Container(name)["Image"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal("awslogs", (string?)Container(name)["LogConfiguration"]!["LogDriver"]);
        }
    }

    [Fact]
    public void Deployments_roll_back_through_the_circuit_breaker()
    {
        var services = S.ServicesJson.Resources("AWS::ECS::Service").ToList();
        Assert.Equal(2, services.Count);
        foreach (var (_, props) in services)
        {
            var deployment = props["DeploymentConfiguration"]!;
            Assert.True((bool)deployment["DeploymentCircuitBreaker"]!["Enable"]!);
            Assert.True((bool)deployment["DeploymentCircuitBreaker"]!["Rollback"]!);
            Assert.Equal(100, (int)deployment["MinimumHealthyPercent"]!);
            Assert.Equal("FARGATE", (string?)props["LaunchType"]);
            Assert.Equal("DISABLED", (string?)props["NetworkConfiguration"]!["AwsvpcConfiguration"]!["AssignPublicIp"]);
        }
    }

    [Fact]
    public void Load_balancer_checks_get_health_every_10s_with_5s_timeout()
    {
        var groups = S.ServicesJson.Resources("AWS::ElasticLoadBalancingV2::TargetGroup").ToList();
        Assert.Equal(2, groups.Count);
        foreach (var (_, tg) in groups)
        {
            Assert.Equal("/health", (string?)tg["HealthCheckPath"]);
            Assert.Equal(10, (int)tg["HealthCheckIntervalSeconds"]!);
            Assert.Equal(5, (int)tg["HealthCheckTimeoutSeconds"]!);
            Assert.Equal(5, (int)tg["UnhealthyThresholdCount"]!);
            Assert.Equal(2, (int)tg["HealthyThresholdCount"]!); // the load balancer's minimum
            Assert.Equal(8080, (int)tg["Port"]!);
            Assert.Equal("ip", (string?)tg["TargetType"]);
        }
        S.Services.HasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", new Dictionary<string, object> { ["Scheme"] = "internet-facing" });
        var ports = S.ServicesJson.Resources("AWS::ElasticLoadBalancingV2::Listener").Select(l => (int)l.Props["Port"]!).Order();
        Assert.Equal([80, 443, 8443], ports); // 80 only redirects to 443 (PublicAccessTests)
    }

    [Fact]
    public void Each_service_scales_between_1_and_25_tasks()
    {
        var targets = S.ServicesJson.Resources("AWS::ApplicationAutoScaling::ScalableTarget").ToList();
        Assert.Equal(2, targets.Count);
        Assert.All(targets, t =>
        {
            Assert.Equal(1, (int)t.Props["MinCapacity"]!);
            Assert.Equal(25, (int)t.Props["MaxCapacity"]!);
            Assert.Equal("ecs:service:DesiredCount", (string?)t.Props["ScalableDimension"]);
        });
        Assert.Equal(4, S.ServicesJson.Resources("AWS::ApplicationAutoScaling::ScalingPolicy").Count());
    }

    [Fact]
    public void Service_log_groups_have_a_retention()
    {
        foreach (var name in Names.Services)
            Assert.Contains(S.ServicesJson.Resources("AWS::Logs::LogGroup"), g => (string?)g.Props["LogGroupName"] == $"/ava-olo/{name}" && (int?)g.Props["RetentionInDays"] == 30);
    }

    [Fact]
    public void Platform_alarms_read_the_load_balancer_and_the_dashboard_shows_its_latency_in_milliseconds()
    {
        foreach (var name in Names.Services)
            Assert.Equal("HTTPCode_Target_5XX_Count", (string?)Alarm($"{name}-platform-5xx")["MetricName"]);
        var elb = Alarm("ava-olo-alb-5xx");
        Assert.Equal("HTTPCode_ELB_5XX_Count", (string?)elb["MetricName"]);
        Assert.Equal(10, (int)elb["Threshold"]!);
        var body = S.ServicesJson.Resources("AWS::CloudWatch::Dashboard").Single().Props["DashboardBody"]!.ToJsonString();
        Assert.Contains("TargetResponseTime", body, StringComparison.Ordinal);
        Assert.Contains("p99 * 1000", body, StringComparison.Ordinal);
    }
}
