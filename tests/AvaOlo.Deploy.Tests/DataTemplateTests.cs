using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Match = Amazon.CDK.Assertions.Match;

namespace AvaOlo.Deploy.Tests;

/// <summary>The seed's AWS details in the data stack (the same for both compute choices) and the DR stack.</summary>
[Collection(SynthCollection.Name)]
public sealed class DataTemplateTests(AppRunnerSynth s)
{
    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "";

    [Fact]
    public void Maintenance_is_on_sundays_from_3_to_5_utc_on_the_cluster_every_instance_and_redis()
    {
        Assert.Equal("sun:03:00-sun:05:00", (string?)s.DataJson.Resources("AWS::RDS::DBCluster").Single().Props["PreferredMaintenanceWindow"]);
        var instances = s.DataJson.Resources("AWS::RDS::DBInstance").ToList();
        Assert.True(instances.Count >= 2);
        Assert.All(instances, i => Assert.Equal("sun:03:00-sun:05:00", (string?)i.Props["PreferredMaintenanceWindow"]));
        Assert.Equal("sun:03:00-sun:05:00", (string?)s.DataJson.Resources("AWS::ElastiCache::ReplicationGroup").Single().Props["PreferredMaintenanceWindow"]);
        // The automated backup must not overlap the maintenance window.
        Assert.Equal("01:00-02:00", (string?)s.DataJson.Resources("AWS::RDS::DBCluster").Single().Props["PreferredBackupWindow"]);
    }

    [Fact]
    public void Every_week_a_snapshot_of_the_cluster_is_copied_to_the_vault_in_the_dr_region_with_retention()
    {
        var rule = s.DataJson.Resources("AWS::Backup::BackupPlan").Single().Props["BackupPlan"]!["BackupPlanRule"]!.AsArray().Single()!;
        Assert.Equal("cron(0 23 ? * SAT *)", (string?)rule["ScheduleExpression"]);
        Assert.Equal(35, (int)rule["Lifecycle"]!["DeleteAfterDays"]!);
        var copy = rule["CopyActions"]!.AsArray().Single()!;
        Assert.Equal(90, (int)copy["Lifecycle"]!["DeleteAfterDays"]!);
        var target = Text(copy["DestinationBackupVaultArn"]);
        Assert.Contains(":backup:eu-west-1:", target, StringComparison.Ordinal);
        Assert.Contains("backup-vault:ava-olo-dr", target, StringComparison.Ordinal);

        var selection = s.DataJson.Resources("AWS::Backup::BackupSelection").Single().Props["BackupSelection"]!;
        var cluster = s.DataJson.LogicalId("AWS::RDS::DBCluster", "Aurora");
        Assert.Contains($"\"Ref\":\"{cluster}\"", Text(selection["Resources"]), StringComparison.Ordinal);
        // A copy into the stack's own region is refused by CloudFormation before anything is created.
        var assertion = s.DataJson["Rules"]!["DrRegionDiffers"]!["Assertions"]![0]!;
        Assert.Equal("""{"Fn::Not":[{"Fn::Equals":["eu-west-1",{"Ref":"AWS::Region"}]}]}""", Text(assertion["Assert"]));

        s.Dr.HasResourceProperties("AWS::Backup::BackupVault", new Dictionary<string, object> { ["BackupVaultName"] = "ava-olo-dr" });
        Assert.Equal("Retain", (string?)s.DrJson["Resources"]!.AsObject().Single(r => (string?)r.Value!["Type"] == "AWS::Backup::BackupVault").Value!["DeletionPolicy"]);
    }

    [Fact]
    public void The_dr_region_and_retention_come_from_context()
    {
        var settings = DeploySettings.FromContext(k => k switch { "drRegion" => "ap-southeast-2", "drCopyRetentionDays" => "365", _ => null });
        var stacks = AvaOloApp.Build(new Amazon.CDK.App(), settings);
        Assert.Equal("ap-southeast-2", stacks.Dr.Region);
        Assert.Contains(stacks.Dr, stacks.Data.Dependencies);
        var rule = Synthesized.Parse(Template.FromStack(stacks.Data)).Resources("AWS::Backup::BackupPlan").Single().Props["BackupPlan"]!["BackupPlanRule"]![0]!;
        Assert.Contains(":backup:ap-southeast-2:", Text(rule["CopyActions"]![0]!["DestinationBackupVaultArn"]), StringComparison.Ordinal);
        Assert.Equal(365, (int)rule["CopyActions"]![0]!["Lifecycle"]!["DeleteAfterDays"]!);
    }

    [Fact]
    public void The_services_role_has_its_own_generated_password_secret_whose_whole_value_is_the_password()
    {
        var secret = s.DataJson.Resources("AWS::SecretsManager::Secret").Single(r => (string?)r.Props["Name"] == "avaolo/production/db-app").Props;
        var generate = secret["GenerateSecretString"]!;
        Assert.Null(generate["SecretStringTemplate"]); // not JSON: DB_PASSWORD is the whole value
        Assert.Null(generate["GenerateStringKey"]);
        Assert.True((bool)generate["ExcludePunctuation"]!);
        Assert.True((int)generate["PasswordLength"]! >= 32);
    }

    [Fact]
    public void Redis_has_two_nodes_in_two_zones_tls_an_auth_token_and_only_the_services_may_connect()
    {
        s.Data.HasResourceProperties("AWS::ElastiCache::ReplicationGroup", new Dictionary<string, object>
        {
            ["Engine"] = "redis", ["NumCacheClusters"] = 2, ["AutomaticFailoverEnabled"] = true, ["MultiAZEnabled"] = true,
            ["TransitEncryptionEnabled"] = true, ["AtRestEncryptionEnabled"] = true, ["Port"] = 6379, ["CacheNodeType"] = "cache.t4g.small",
        });
        var group = s.DataJson.Resources("AWS::ElastiCache::ReplicationGroup").Single();
        var token = s.DataJson.LogicalId("AWS::SecretsManager::Secret", "RedisAuthToken");
        Assert.Equal($$$"""{"Fn::Join":["",["{{resolve:secretsmanager:",{"Ref":"{{{token}}}"},":SecretString:::}}"]]}""", Text(group.Props["AuthToken"]));

        // The subnet group is the isolated subnets; 6379 opens to the services' group only.
        var subnets = s.DataJson.Resources("AWS::ElastiCache::SubnetGroup").Single().Props["SubnetIds"]!.AsArray().Select(x => (string)x!["Ref"]!).ToList();
        Assert.All(subnets, id => Assert.StartsWith("Vpcdb", id, StringComparison.Ordinal));
        var redisSg = s.DataJson.LogicalId("AWS::EC2::SecurityGroup", "RedisSecurityGroup");
        var rules = s.DataJson.Resources("AWS::EC2::SecurityGroupIngress").Where(r => (string?)r.Props["GroupId"]!["Fn::GetAtt"]?[0] == redisSg).Select(r => r.Props).ToList();
        var rule = Assert.Single(rules);
        Assert.Equal(6379, (int)rule["FromPort"]!);
        Assert.Equal(6379, (int)rule["ToPort"]!);
        Assert.Equal(s.DataJson.LogicalId("AWS::EC2::SecurityGroup", "AppSecurityGroup"), (string?)rule["SourceSecurityGroupId"]!["Fn::GetAtt"]![0]);

        // REDIS_URL is assembled by CloudFormation from the token's reference and the endpoint: no literal in the template.
        var url = s.DataJson.Resources("AWS::SecretsManager::Secret").Single(r => (string?)r.Props["Name"] == "avaolo/production/redis-url").Props["SecretString"]!;
        Assert.Equal($"rediss://:{{{{resolve:secretsmanager:${{{token}}}:SecretString:::}}}}@${{{group.Id}.PrimaryEndPoint.Address}}:${{{group.Id}.PrimaryEndPoint.Port}}", Render(url));
    }

    /// <summary>A string property with its references written ${Id} and ${Id.Attribute}.</summary>
    private static string Render(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Join((string?)join[0], join[1]!.AsArray().Select(Render)),
        JsonObject o when o["Ref"] is { } r => $"${{{r}}}",
        JsonObject o when o["Fn::GetAtt"] is JsonArray a => $"${{{a[0]}.{a[1]}}}",
        _ => throw new InvalidOperationException($"unexpected {node?.ToJsonString()}"),
    };

    [Fact]
    public void Disaster_recovery_restores_the_cluster_from_a_copied_snapshot_with_a_new_master_password()
    {
        const string snapshot = "arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:awsbackup:job-0123abcd-4567-89ef-0123-456789abcdef";
        var stacks = AvaOloApp.Build(new Amazon.CDK.App(), new DeploySettings { RestoreSnapshotArn = snapshot, ImageTag = Synthesized.ImageTag });
        var data = Synthesized.Parse(Template.FromStack(stacks.Data));
        var cluster = data.Resources("AWS::RDS::DBCluster").Single().Props;
        Assert.Equal(snapshot, (string?)cluster["SnapshotIdentifier"]);
        Assert.Equal("farmer-crm-production", (string?)cluster["DBClusterIdentifier"]);
        Assert.Null(cluster["DatabaseName"]); // the snapshot has farmer_crm
        Assert.StartsWith("{{resolve:secretsmanager:", string.Concat(cluster["MasterUserPassword"]!["Fn::Join"]![1]!.AsArray().Select(p => p is JsonValue v ? (string?)v : "")));
        Assert.Contains(data.Resources("AWS::SecretsManager::Secret"), r => (string?)r.Props["Name"] == "avaolo/production/db");
        Assert.All(data.Resources("AWS::RDS::DBInstance"), i => Assert.Equal("sun:03:00-sun:05:00", (string?)i.Props["PreferredMaintenanceWindow"]));
    }
}
