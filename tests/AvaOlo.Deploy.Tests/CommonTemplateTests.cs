using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.CDK.Assertions;
using Match = Amazon.CDK.Assertions.Match;

namespace AvaOlo.Deploy.Tests;

/// <summary>What must hold whichever compute is chosen: run once per compute by the two derived classes.</summary>
public abstract partial class CommonTemplateTests(Synthesized s)
{
    protected Synthesized S { get; } = s;

    [Fact]
    public void Aurora_is_the_farmer_crm_production_cluster_encrypted_backed_up_and_protected()
    {
        S.Data.ResourceCountIs("AWS::RDS::DBCluster", 1);
        S.Data.HasResourceProperties("AWS::RDS::DBCluster", new Dictionary<string, object>
        {
            ["DBClusterIdentifier"] = "farmer-crm-production",
            ["Engine"] = "aurora-postgresql",
            ["DatabaseName"] = "farmer_crm",
            ["StorageEncrypted"] = true,
            ["BackupRetentionPeriod"] = 7,
            ["DeletionProtection"] = true,
            ["Port"] = 5432,
        });
        var cluster = S.DataJson["Resources"]!.AsObject().Single(r => (string?)r.Value!["Type"] == "AWS::RDS::DBCluster").Value!;
        Assert.Equal("Snapshot", (string?)cluster["DeletionPolicy"]);
        var version = (string)cluster["Properties"]!["EngineVersion"]!;
        Assert.True(int.Parse(version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture) >= 14, $"Aurora PostgreSQL 14+ (got {version})");
    }

    [Fact]
    public void Aurora_credentials_are_generated_into_secrets_manager_never_written_in_the_template()
    {
        var cluster = S.DataJson.Resources("AWS::RDS::DBCluster").Single().Props;
        Assert.StartsWith("{{resolve:secretsmanager:", string.Concat(cluster["MasterUserPassword"]!["Fn::Join"]![1]!.AsArray().Select(p => p is JsonValue v ? (string?)v : "")));
        S.Data.HasResourceProperties("AWS::SecretsManager::Secret", new Dictionary<string, object>
        {
            ["Name"] = "avaolo/production/db",
            ["GenerateSecretString"] = Match.ObjectLike(new Dictionary<string, object> { ["GenerateStringKey"] = "password" }),
        });
    }

    [Fact]
    public void Aurora_is_multi_az_with_the_writer_and_reader_in_different_availability_zones()
    {
        var instances = S.DataJson.Resources("AWS::RDS::DBInstance").Select(r => r.Props).ToList();
        Assert.True(instances.Count >= 2, $"writer + at least one reader (got {instances.Count})");
        Assert.All(instances, i => Assert.Equal("aurora-postgresql", (string?)i["Engine"]));
        Assert.All(instances, i => Assert.False((bool)i["PubliclyAccessible"]!));
        var azIndexes = instances.Select(i => (int)i["AvailabilityZone"]!["Fn::Select"]![0]!).Distinct().ToList();
        Assert.Equal(2, azIndexes.Count);
        Assert.Contains(instances, i => (int?)i["PromotionTier"] == 1); // a reader is first in line on failover
    }

    [Fact]
    public void Extra_readers_come_from_context_for_the_growth_plan()
    {
        var settings = DeploySettings.FromContext(k => k == "extraReaders" ? "2" : null);
        Assert.Equal(2, settings.ExtraReaders);
        var app = new Amazon.CDK.App();
        var stacks = AvaOloApp.Build(app, Synthesized.SettingsFor(S.Compute) with { ExtraReaders = settings.ExtraReaders });
        Amazon.CDK.Assertions.Template.FromStack(stacks.Data).ResourceCountIs("AWS::RDS::DBInstance", 4);
    }

    [Fact]
    public void The_database_lives_only_in_isolated_subnets()
    {
        var subnetIds = S.DataJson.Resources("AWS::RDS::DBSubnetGroup").Single().Props["SubnetIds"]!.AsArray()
            .Select(r => (string)r!["Ref"]!).ToList();
        Assert.Equal(2, subnetIds.Count);
        var subnets = S.DataJson.Resources("AWS::EC2::Subnet").ToDictionary(r => r.Id, r => r.Props);
        foreach (var id in subnetIds)
        {
            var tags = subnets[id]["Tags"]!.AsArray();
            Assert.Contains(tags, t => (string?)t!["Key"] == "aws-cdk:subnet-type" && (string?)t["Value"] == "Isolated");
            Assert.False((bool)subnets[id]["MapPublicIpOnLaunch"]!);
        }
        // Isolated: no route of the database subnets leads anywhere outside the VPC.
        var dbRouteTables = S.DataJson.Resources("AWS::EC2::SubnetRouteTableAssociation")
            .Where(a => subnetIds.Contains((string)a.Props["SubnetId"]!["Ref"]!)).Select(a => (string)a.Props["RouteTableId"]!["Ref"]!).ToHashSet();
        Assert.DoesNotContain(S.DataJson.Resources("AWS::EC2::Route"), r => dbRouteTables.Contains((string)r.Props["RouteTableId"]!["Ref"]!));
    }

    [Fact]
    public void Only_the_services_reach_postgresql_and_only_on_5432()
    {
        var dbSg = S.DataJson.LogicalId("AWS::EC2::SecurityGroup", "DbSecurityGroup");
        var dbSgProps = S.DataJson.Resources("AWS::EC2::SecurityGroup").Single(r => r.Id == dbSg).Props;
        Assert.Null(dbSgProps["SecurityGroupIngress"]); // no inline (e.g. CIDR) rules

        var allowedSources = AllowedDatabaseClients().ToHashSet();
        var rules = new List<JsonObject>();
        rules.AddRange(S.DataJson.Resources("AWS::EC2::SecurityGroupIngress").Select(r => r.Props)
            .Where(p => (string?)p["GroupId"]!["Fn::GetAtt"]?[0] == dbSg));
        rules.AddRange(S.ServicesJson.Resources("AWS::EC2::SecurityGroupIngress").Select(r => r.Props)
            .Where(p => S.DataJson.ExportedResource(p["GroupId"]) == dbSg));
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            Assert.Equal("tcp", (string?)rule["IpProtocol"]);
            Assert.Equal(5432, (int)rule["FromPort"]!);
            Assert.Equal(5432, (int)rule["ToPort"]!);
            Assert.Null(rule["CidrIp"]);
            Assert.Null(rule["CidrIpv6"]);
            var source = (string?)rule["SourceSecurityGroupId"]!["Fn::GetAtt"]?[0];
            Assert.True(source is not null && allowedSources.Contains(source), $"5432 opened to {source}");
        }
        Assert.Equal(allowedSources.Count, rules.Count);
    }

    /// <summary>Logical ids of the security groups that may open connections to the database.</summary>
    protected abstract IEnumerable<string> AllowedDatabaseClients();

    [Fact]
    public void The_openai_key_secret_exists_with_a_generated_placeholder_not_a_value()
    {
        S.Data.HasResourceProperties("AWS::SecretsManager::Secret", new Dictionary<string, object>
        {
            ["Name"] = "avaolo/production/openai-api-key",
            ["GenerateSecretString"] = Match.AnyValue(),
        });
    }

    [Fact]
    public void No_secret_appears_in_plain_text_anywhere()
    {
        foreach (var (stack, json) in S.All)
        {
            foreach (var (id, props) in json.Resources("AWS::SecretsManager::Secret").Where(r => (string?)r.Props["Name"] != "avaolo/production/redis-url"))
                Assert.True(props["SecretString"] is null, $"{stack}/{id} has a literal SecretString");
            foreach (var (id, props) in json.Resources("AWS::SSM::Parameter"))
                Assert.NotEqual("SecureString", (string?)props["Type"]);

            var text = json.ToJsonString();
            Assert.DoesNotMatch(PasswordLiteral(), text);
            Assert.DoesNotMatch(ApiKeyLiteral(), text);
            Assert.DoesNotContain("AKIA", text, StringComparison.Ordinal);
            var local = LocalDevPassword();
            if (local is not null) Assert.DoesNotContain(local, text, StringComparison.Ordinal);
        }
        foreach (var (name, value) in PlainEnvironmentVariables())
        {
            Assert.DoesNotContain(name, new[] { "DB_PASSWORD", "DB_APP_PASSWORD", "OPENAI_API_KEY", "REDIS_URL" });
            if (name == "DB_USER") Assert.Equal("avaolo_app", (string?)value); // the services' role name; the owner's comes from its secret
            Assert.DoesNotMatch(new Regex("(?i)password|secret|api_?key"), name);
            Assert.False(value is JsonValue v && ((string?)v)?.Length > 40, $"{name} holds a long literal: check it is not a secret");
        }
    }

    /// <summary>Every plain (non-secret) environment variable handed to a container or service.</summary>
    protected abstract IEnumerable<(string Name, JsonNode? Value)> PlainEnvironmentVariables();

    [Fact]
    public void Each_service_has_the_four_operator_alarms_on_the_metrics_it_emits()
    {
        foreach (var service in Names.Services)
        {
            var dimensions = new[] { new Dictionary<string, object> { ["Name"] = "Service", ["Value"] = service } };
            foreach (var (alarm, metric, statistic, period, threshold, op) in new[]
            {
                ("5xx", "Http5xx", "Sum", 60, 10, "GreaterThanThreshold"),
                ("p99-latency", "LatencyP99", "Maximum", 60, 5000, "GreaterThanThreshold"),
                ("db-connection-errors", "DbConnectionErrors", "Sum", 300, 5, "GreaterThanThreshold"),
                ("constitutional-violations", "ConstitutionalViolations", "Sum", 60, 1, "GreaterThanOrEqualToThreshold"),
            })
                S.Services.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
                {
                    ["AlarmName"] = $"{service}-{alarm}", ["Namespace"] = "AvaOlo", ["MetricName"] = metric, ["Dimensions"] = dimensions,
                    ["Statistic"] = statistic, ["Period"] = period, ["Threshold"] = threshold, ["ComparisonOperator"] = op,
                    ["EvaluationPeriods"] = 1, ["DatapointsToAlarm"] = 1,
                });
        }
    }

    [Fact]
    public void The_core_alarms_on_whatsapp_send_failures()
    {
        S.Services.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = "ava-olo-agricultural-core-whatsapp-send-failures", ["Namespace"] = "AvaOlo", ["MetricName"] = "WhatsAppSendFailures",
            ["Dimensions"] = new[] { new Dictionary<string, object> { ["Name"] = "Service", ["Value"] = Names.CoreService } },
            ["Statistic"] = "Sum", ["Period"] = 300, ["Threshold"] = 5, ["ComparisonOperator"] = "GreaterThanThreshold",
            ["EvaluationPeriods"] = 1, ["DatapointsToAlarm"] = 1, ["TreatMissingData"] = "notBreaching",
        });
        Assert.DoesNotContain(S.ServicesJson.Resources("AWS::CloudWatch::Alarm"),
            a => (string?)a.Props["AlarmName"] == $"{Names.DashboardsService}-whatsapp-send-failures");
    }

    [Fact]
    public void A_platform_5xx_alarm_fires_even_when_the_service_cannot_count()
    {
        foreach (var service in Names.Services)
        {
            var alarm = Alarm($"{service}-platform-5xx");
            Assert.Equal(10, (int)alarm["Threshold"]!);
            Assert.Equal("GreaterThanThreshold", (string?)alarm["ComparisonOperator"]);
            Assert.Equal(60, (int)alarm["Period"]!);
            Assert.Equal("Sum", (string?)alarm["Statistic"]);
            Assert.NotEqual("AvaOlo", (string?)alarm["Namespace"]);
        }
    }

    [Fact]
    public void Aurora_cpu_and_connection_alarms_watch_the_cluster()
    {
        foreach (var (name, metric) in new[] { ("aurora-cpu", "CPUUtilization"), ("aurora-connections", "DatabaseConnections") })
            S.Services.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
            {
                ["AlarmName"] = name, ["Namespace"] = "AWS/RDS", ["MetricName"] = metric,
                ["Dimensions"] = new[] { new Dictionary<string, object> { ["Name"] = "DBClusterIdentifier", ["Value"] = "farmer-crm-production" } },
            });
        Assert.Equal(80, (int)Alarm("aurora-cpu")["Threshold"]!);
    }

    [Fact]
    public void Every_alarm_notifies_the_sns_topic_on_alarm_and_on_recovery()
    {
        var topic = S.ServicesJson.LogicalId("AWS::SNS::Topic", "Alarms");
        S.Services.HasResourceProperties("AWS::SNS::Topic", new Dictionary<string, object> { ["TopicName"] = "ava-olo-alarms" });
        var alarms = S.ServicesJson.Resources("AWS::CloudWatch::Alarm").ToList();
        Assert.True(alarms.Count >= 10);
        foreach (var (id, props) in alarms)
        {
            Assert.Contains(props["AlarmActions"]!.AsArray(), a => (string?)a!["Ref"] == topic);
            Assert.Contains(props["OKActions"]!.AsArray(), a => (string?)a!["Ref"] == topic);
            Assert.Equal("notBreaching", (string?)props["TreatMissingData"]);
        }
    }

    [Fact]
    public void A_dashboard_shows_the_watched_figures()
    {
        var body = string.Concat(S.ServicesJson.Resources("AWS::CloudWatch::Dashboard").Single().Props["DashboardBody"]!["Fn::Join"]![1]!.AsArray()
            .Select(p => p is JsonValue v ? (string?)v : ""));
        foreach (var figure in new[] { "Requests", "Http4xx", "Http5xx", "LatencyP50", "LatencyP90", "LatencyP99", "ActiveConnections", "CpuPercent", "MemoryMB",
                     "ConstitutionalViolations", "LLMQueryLatency", "DatabaseQueryTime", "LocalizationAccuracy", "DbConnectionErrors", "CPUUtilization", "DatabaseConnections" })
            Assert.Contains(figure, body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_migration_is_a_one_off_task_of_the_core_image_running_avaolo_migrate()
    {
        var task = S.DataJson.Resources("AWS::ECS::TaskDefinition").Single().Props;
        Assert.Equal("ava-olo-migrate", (string?)task["Family"]);
        var container = task["ContainerDefinitions"]![0]!;
        Assert.Equal(["dotnet", "/cli/avaolo.dll"], container["EntryPoint"]!.AsArray().Select(x => (string)x!));
        Assert.Equal(["migrate"], container["Command"]!.AsArray().Select(x => (string)x!));
        var image = container["Image"]!.ToJsonString();
        Assert.Contains($"/ava-olo-agricultural-core:{Synthesized.ImageTag}", image, StringComparison.Ordinal);
        var secretNames = container["Secrets"]!.AsArray().Select(x => (string)x!["Name"]!).ToList();
        Assert.Equal(["DB_APP_PASSWORD", "DB_PASSWORD", "DB_USER"], secretNames.Order());
        Assert.Contains(container["Environment"]!.AsArray(), kv => (string?)kv!["Name"] == "DB_APP_USER" && (string?)kv["Value"] == "avaolo_app");
        Assert.DoesNotContain(S.DataJson.Resources("AWS::ECS::Service"), _ => true); // never a long-running service
    }

    [Fact]
    public void The_migration_task_reads_exactly_the_master_secret_and_the_services_role_password()
    {
        var task = S.DataJson.Resources("AWS::ECS::TaskDefinition").Single().Props;
        var executionRole = (string)task["ExecutionRoleArn"]!["Fn::GetAtt"]![0]!;
        var readable = S.DataJson.PoliciesOf(executionRole).SelectMany(p => p.Statements())
            .Where(st => st.Actions().Contains("secretsmanager:GetSecretValue"))
            .SelectMany(st => st.ResourcesOf()).Select(r => (string?)r?["Ref"]).ToHashSet();
        Assert.Equal(new HashSet<string?>
        {
            S.DataJson.LogicalId("AWS::SecretsManager::SecretTargetAttachment", "AuroraSecretAttachment"),
            S.DataJson.LogicalId("AWS::SecretsManager::Secret", "AppDbPassword"),
        }, readable);
    }

    [Fact]
    public void The_running_role_can_read_exactly_its_secrets()
    {
        var appDb = S.DataJson.LogicalId("AWS::SecretsManager::Secret", "AppDbPassword");
        var openAi = S.DataJson.LogicalId("AWS::SecretsManager::Secret", "OpenAiApiKey");
        var redis = S.DataJson.LogicalId("AWS::SecretsManager::Secret", "RedisUrl");
        foreach (var service in Names.Services)
        {
            var readable = SecretReadingRoleStatements(service)
                .Where(st => st.Actions().Contains("secretsmanager:GetSecretValue"))
                .SelectMany(st => st.ResourcesOf()).Select(r => S.DataJson.ExportedResource(r) ?? r?.ToJsonString())
                .ToHashSet();
            // Never the master secret: the services cannot log in as the owner.
            var expected = service == Names.CoreService ? new HashSet<string?> { appDb, openAi, redis } : [appDb, redis];
            Assert.Equal(expected, readable);
        }
    }

    /// <summary>Statements of the role that resolves the service's secrets (App Runner instance role / ECS execution role).</summary>
    protected abstract IEnumerable<JsonNode> SecretReadingRoleStatements(string service);

    /// <summary>The secret references handed to a service: env name → the Data-stack resource it points at.</summary>
    protected abstract IReadOnlyDictionary<string, (string? Resource, string Field)> SecretReferences(string service);

    [Fact]
    public void Secrets_reach_the_services_by_reference_as_environment_variables()
    {
        var appDb = S.DataJson.LogicalId("AWS::SecretsManager::Secret", "AppDbPassword");
        var openAi = S.DataJson.LogicalId("AWS::SecretsManager::Secret", "OpenAiApiKey");
        var redis = S.DataJson.LogicalId("AWS::SecretsManager::Secret", "RedisUrl");
        // Whole secrets only (no JSON key): the one form App Runner documents, and ECS too.
        var core = SecretReferences(Names.CoreService);
        Assert.Equal(new Dictionary<string, (string?, string)> { ["DB_PASSWORD"] = (appDb, ""), ["OPENAI_API_KEY"] = (openAi, ""), ["REDIS_URL"] = (redis, "") }, core);
        var dashboards = SecretReferences(Names.DashboardsService);
        Assert.Equal(new Dictionary<string, (string?, string)> { ["DB_PASSWORD"] = (appDb, ""), ["REDIS_URL"] = (redis, "") }, dashboards);
    }

    [Fact]
    public void The_running_role_may_publish_metrics_in_the_avaolo_namespace()
    {
        foreach (var service in Names.Services)
            Assert.Contains(TelemetryRoleStatements(service), st => st.Actions().Contains("cloudwatch:PutMetricData")
                && (string?)st["Condition"]?["StringEquals"]?["cloudwatch:namespace"] == "AvaOlo");
    }

    protected abstract IEnumerable<JsonNode> TelemetryRoleStatements(string service);

    [Fact]
    public void Services_get_the_database_settings_and_verify_its_certificate()
    {
        var vars = PlainEnvironmentVariables().GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.Select(v => v.Value?.ToJsonString()).ToList());
        Assert.All(vars["DB_NAME"], v => Assert.Equal("\"farmer_crm\"", v));
        Assert.All(vars["DB_PORT"], v => Assert.Equal("\"5432\"", v));
        Assert.All(vars["DB_SSL_MODE"], v => Assert.Equal("\"VerifyFull\"", v));
        Assert.All(vars["DB_HOST"], v => Assert.Contains("Aurora", v, StringComparison.Ordinal));
        Assert.All(vars["DB_USER"], v => Assert.Equal("\"avaolo_app\"", v));
        Assert.Equal(2, vars["DB_USER"].Count); // both services; the migration task's DB_USER is the owner, from its secret
    }

    [Fact]
    public void Registry_keeps_immutable_scanned_images_per_service()
    {
        foreach (var service in Names.Services)
            S.Registry.HasResourceProperties("AWS::ECR::Repository", new Dictionary<string, object>
            {
                ["RepositoryName"] = service,
                ["ImageTagMutability"] = "IMMUTABLE",
                ["ImageScanningConfiguration"] = new Dictionary<string, object> { ["ScanOnPush"] = true },
            });
    }

    [Fact]
    public void The_data_stack_does_not_depend_on_the_compute_choice()
    {
        // Switching App Runner <-> Fargate must never touch the database or its network (only the exports the
        // other stack imports differ).
        var other = new Amazon.CDK.App();
        var stacks = AvaOloApp.Build(other, Synthesized.SettingsFor(S.Compute == Compute.AppRunner ? Compute.Fargate : Compute.AppRunner));
        var otherData = System.Text.Json.JsonSerializer.Serialize(Amazon.CDK.Assertions.Template.FromStack(stacks.Data).ToJSON());
        Assert.Equal(JsonNode.Parse(otherData)!["Resources"]!.ToJsonString(), S.DataJson["Resources"]!.ToJsonString());
    }

    protected JsonObject Alarm(string name) =>
        S.ServicesJson.Resources("AWS::CloudWatch::Alarm").Single(a => (string?)a.Props["AlarmName"] == name).Props;

    // "password": "literal" or password=literal with something password-like; tokens ({{resolve…}}, Ref) are fine.
    [GeneratedRegex("(?i)\"(db_)?password\"\\s*:\\s*\"[^\"{]+\"|password=[^;\"{ ]{6,}")]
    private static partial Regex PasswordLiteral();

    [GeneratedRegex("sk-[A-Za-z0-9_-]{16,}")]
    private static partial Regex ApiKeyLiteral();

    /// <summary>The local development password (scripts/postgres.sh), if this machine has one: it must never leak into a template.</summary>
    private static string? LocalDevPassword()
    {
        var root = RepoRoot.Find();
        var file = Path.Combine(root, ".avaolo", "local.env");
        if (!File.Exists(file)) return null;
        var line = File.ReadAllLines(file).FirstOrDefault(l => l.StartsWith("AVAOLO_LOCAL_DB_PASSWORD=", StringComparison.Ordinal));
        var value = line?.Split('=', 2)[1].Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
