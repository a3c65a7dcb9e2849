using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace AvaOlo.Deploy;

/// <summary>
/// Aurora PostgreSQL farmer_crm: writer + readers in alternating AZs, encrypted, 7-day point-in-time recovery,
/// maintenance on Sundays 03:00–05:00 UTC on the cluster and on every instance. With restoreSnapshotArn (disaster
/// recovery in another region) the cluster starts from that snapshot and gets a new master password.
/// </summary>
internal static class AuroraCluster
{
    public static (IDatabaseCluster Cluster, ISecret Secret) Create(Construct scope, DeploySettings settings, IVpc vpc, ISecurityGroup securityGroup)
    {
        var instanceType = new Amazon.CDK.AWS.EC2.InstanceType(settings.DbInstanceClass);
        var writer = ClusterInstance.Provisioned("writer", new ProvisionedClusterInstanceProps { InstanceType = instanceType, EnablePerformanceInsights = true });
        var readers = Enumerable.Range(1, 1 + settings.ExtraReaders).Select(i => ClusterInstance.Provisioned($"reader{i}", new ProvisionedClusterInstanceProps
        {
            InstanceType = instanceType,
            PromotionTier = 1, // a reader is promoted on writer failure
            EnablePerformanceInsights = true,
        })).ToArray();
        var engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps
        {
            Version = AuroraPostgresEngineVersion.Of(settings.DbEngineVersion, settings.DbEngineVersion.Split('.')[0]),
        });
        var subnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED };
        var backup = new BackupProps { Retention = Duration.Days(7), PreferredWindow = Names.BackupWindow }; // PITR within these 7 days

        IDatabaseCluster cluster;
        ISecret secret;
        if (settings.RestoreSnapshotArn is { } snapshot)
        {
            var restored = new DatabaseClusterFromSnapshot(scope, "Aurora", new DatabaseClusterFromSnapshotProps
            {
                SnapshotIdentifier = snapshot,
                // The snapshot keeps the old master password, whose secret lives in the lost region: set a new one.
                SnapshotCredentials = SnapshotCredentials.FromSecret(new DatabaseSecret(scope, "AuroraMasterSecret", new DatabaseSecretProps
                {
                    Username = Names.DatabaseUser, SecretName = Names.DbSecretName,
                })),
                ClusterIdentifier = Names.ClusterIdentifier, Engine = engine, Writer = writer, Readers = readers, Vpc = vpc, VpcSubnets = subnets,
                SecurityGroups = [securityGroup], Port = 5432, StorageEncrypted = true, Backup = backup,
                PreferredMaintenanceWindow = Names.MaintenanceWindow, DeletionProtection = true, RemovalPolicy = RemovalPolicy.SNAPSHOT,
                CloudwatchLogsExports = ["postgresql"], CloudwatchLogsRetention = DataStack.Retention(settings), CopyTagsToSnapshot = true,
            });
            (cluster, secret) = (restored, restored.Secret!);
        }
        else
        {
            var created = new DatabaseCluster(scope, "Aurora", new DatabaseClusterProps
            {
                ClusterIdentifier = Names.ClusterIdentifier, Engine = engine,
                DefaultDatabaseName = Names.DatabaseName,
                Credentials = Credentials.FromGeneratedSecret(Names.DatabaseUser, new CredentialsBaseOptions { SecretName = Names.DbSecretName }),
                Writer = writer, Readers = readers, Vpc = vpc, VpcSubnets = subnets,
                SecurityGroups = [securityGroup], Port = 5432, StorageEncrypted = true, Backup = backup,
                PreferredMaintenanceWindow = Names.MaintenanceWindow, DeletionProtection = true, RemovalPolicy = RemovalPolicy.SNAPSHOT,
                CloudwatchLogsExports = ["postgresql"], CloudwatchLogsRetention = DataStack.Retention(settings), CopyTagsToSnapshot = true,
            });
            (cluster, secret) = (created, created.Secret!);
        }

        // Multi-AZ made explicit (CDK 2.160 has no AZ option per instance: instance i goes to AZ i mod 2), and each
        // instance's own maintenance window: without one, RDS picks a random 30 minutes per instance.
        var instances = cluster.Node.FindAll().OfType<CfnDBInstance>().ToList();
        for (var i = 0; i < instances.Count; i++)
        {
            instances[i].AvailabilityZone = vpc.AvailabilityZones[i % vpc.AvailabilityZones.Length];
            instances[i].PreferredMaintenanceWindow = Names.MaintenanceWindow;
        }
        return (cluster, secret);
    }
}
