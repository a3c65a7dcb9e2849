using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElastiCache;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace AvaOlo.Deploy;

/// <summary>
/// ElastiCache for Redis shared by every instance of both services (REDIS_URL): the per-farmer limit holds across 25
/// instances and answers are cached once (measured choice: deploy/README.md, "Shared state"). Two nodes in two AZs
/// with automatic failover, TLS and an AUTH token, in the isolated subnets, reachable on 6379 only from the services.
/// A Redis outage only makes each instance limit and cache on its own (src/AvaOlo.AgriculturalCore/ScaleOut).
/// </summary>
internal static class RedisCache
{
    public static (CfnReplicationGroup Group, ISecret Url, SecurityGroup SecurityGroup) Create(Construct scope, DeploySettings settings, IVpc vpc, ISecurityGroup clients)
    {
        var sg = new SecurityGroup(scope, "RedisSecurityGroup", new SecurityGroupProps
        {
            Vpc = vpc,
            Description = "ElastiCache Redis: 6379 from the AVA OLO services only",
            AllowAllOutbound = false,
        });
        sg.AddIngressRule(clients, Port.Tcp(6379), "Redis from AVA OLO services");
        var subnets = new CfnSubnetGroup(scope, "RedisSubnets", new CfnSubnetGroupProps
        {
            Description = "AVA OLO Redis: the isolated subnets",
            SubnetIds = vpc.IsolatedSubnets.Select(s => s.SubnetId).ToArray(),
        });
        var token = new Amazon.CDK.AWS.SecretsManager.Secret(scope, "RedisAuthToken", new SecretProps
        {
            SecretName = Names.RedisAuthSecretName,
            Description = "AUTH token of the AVA OLO Redis (generated; rotate with modify-replication-group, see deploy/README.md)",
            // ElastiCache tokens: 16–128 printable characters without / " @; letters and digits also keep the URL plain.
            GenerateSecretString = new SecretStringGenerator { PasswordLength = 64, ExcludePunctuation = true },
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var group = new CfnReplicationGroup(scope, "Redis", new CfnReplicationGroupProps
        {
            ReplicationGroupId = Names.RedisReplicationGroup,
            ReplicationGroupDescription = "AVA OLO: shared per-farmer limit and answer cache",
            Engine = "redis",
            EngineVersion = "7.1",
            CacheNodeType = settings.RedisNodeType,
            NumCacheClusters = 2,
            AutomaticFailoverEnabled = true,
            MultiAzEnabled = true,
            TransitEncryptionEnabled = true,
            AtRestEncryptionEnabled = true,
            AuthToken = token.SecretValue.UnsafeUnwrap(), // a {{resolve:secretsmanager:…}} reference, resolved by CloudFormation
            CacheSubnetGroupName = subnets.Ref,
            SecurityGroupIds = [sg.SecurityGroupId],
            Port = 6379,
            PreferredMaintenanceWindow = Names.MaintenanceWindow,
            SnapshotRetentionLimit = 0, // a cache: nothing in it must survive
            AutoMinorVersionUpgrade = true,
        });
        // The services read one value, REDIS_URL: rediss://:<token>@<primary endpoint>:6379, assembled by CloudFormation.
        var url = new Amazon.CDK.AWS.SecretsManager.Secret(scope, "RedisUrl", new SecretProps
        {
            SecretName = Names.RedisUrlSecretName,
            Description = "REDIS_URL of the AVA OLO services (TLS, AUTH token, primary endpoint)",
            SecretStringValue = SecretValue.UnsafePlainText(Fn.Join("", ["rediss://:", token.SecretValue.UnsafeUnwrap(), "@", group.AttrPrimaryEndPointAddress, ":", group.AttrPrimaryEndPointPort])),
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        return (group, url, sg);
    }
}
