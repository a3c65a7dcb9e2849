using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;

namespace AvaOlo.Deploy;

/// <summary>
/// The long-lived half: VPC, Aurora PostgreSQL (farmer_crm), the secrets, and the one-off migration task that
/// runs `avaolo migrate` from the same image as the services before every deploy.
/// </summary>
public sealed class DataStack : Stack
{
    public Vpc Vpc { get; }

    /// <summary>The only security group the database accepts connections from (services, connector, migration).</summary>
    public SecurityGroup AppSecurityGroup { get; }
    public SecurityGroup DbSecurityGroup { get; }
    public DatabaseCluster Database { get; }

    /// <summary>Aurora's generated credentials (JSON: username, password, host, port, dbname).</summary>
    public ISecret DbSecret { get; }

    /// <summary>Created with a random placeholder; operators put the real key in with put-secret-value.</summary>
    public ISecret OpenAiSecret { get; }
    public Cluster EcsCluster { get; }
    public FargateTaskDefinition MigrateTask { get; }

    public DataStack(Construct scope, string id, DeploySettings settings, IStackProps props) : base(scope, id, props)
    {
        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            MaxAzs = 2,
            NatGateways = settings.NatGateways, // outbound to the model API and ECR; the database needs none
            SubnetConfiguration =
            [
                new SubnetConfiguration { Name = "public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 },
                new SubnetConfiguration { Name = "app", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 22 },
                new SubnetConfiguration { Name = "db", SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 },
            ],
        });

        AppSecurityGroup = new SecurityGroup(this, "AppSecurityGroup", new SecurityGroupProps
        {
            Vpc = Vpc,
            Description = "AVA OLO services, App Runner VPC connector and migration task: the only clients of the database",
            AllowAllOutbound = true,
        });
        DbSecurityGroup = new SecurityGroup(this, "DbSecurityGroup", new SecurityGroupProps
        {
            Vpc = Vpc,
            Description = "Aurora farmer_crm: PostgreSQL 5432 from the AVA OLO services only",
            AllowAllOutbound = false,
        });
        DbSecurityGroup.AddIngressRule(AppSecurityGroup, Port.Tcp(5432), "PostgreSQL from AVA OLO services");

        Database = CreateDatabase(settings);
        DbSecret = Database.Secret!;
        OpenAiSecret = new Amazon.CDK.AWS.SecretsManager.Secret(this, "OpenAiApiKey", new SecretProps
        {
            SecretName = Names.OpenAiSecretName,
            Description = "OPENAI_API_KEY for AVA OLO. Created with a random placeholder: put the real key with `aws secretsmanager put-secret-value`.",
            GenerateSecretString = new SecretStringGenerator { PasswordLength = 32, ExcludePunctuation = true },
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        EcsCluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = Vpc, ClusterName = Names.EcsCluster, ContainerInsights = true });
        MigrateTask = CreateMigrateTask(settings);

        _ = new CfnOutput(this, "DbEndpoint", new CfnOutputProps { Value = Database.ClusterEndpoint.Hostname });
        _ = new CfnOutput(this, "DbSecretArn", new CfnOutputProps { Value = DbSecret.SecretArn });
        _ = new CfnOutput(this, "OpenAiSecretArn", new CfnOutputProps { Value = OpenAiSecret.SecretArn });
        _ = new CfnOutput(this, "MigrateCluster", new CfnOutputProps { Value = EcsCluster.ClusterName });
        _ = new CfnOutput(this, "MigrateTaskDefinition", new CfnOutputProps { Value = MigrateTask.TaskDefinitionArn });
        _ = new CfnOutput(this, "MigrateSubnets", new CfnOutputProps { Value = Fn.Join(",", Vpc.PrivateSubnets.Select(s => s.SubnetId).ToArray()) });
        _ = new CfnOutput(this, "MigrateSecurityGroup", new CfnOutputProps { Value = AppSecurityGroup.SecurityGroupId });
    }

    /// <summary>Plain (non-secret) settings every container gets. Secrets go separately, by reference.</summary>
    public Dictionary<string, string> PlainEnvironment(string service) => new()
    {
        ["DB_HOST"] = Database.ClusterEndpoint.Hostname,
        ["DB_PORT"] = "5432",
        ["DB_NAME"] = Names.DatabaseName,
        // The image carries the RDS CA bundle (PGSSLROOTCERT), so the server certificate and host name are checked.
        ["DB_SSL_MODE"] = "VerifyFull",
        ["AWS_REGION"] = Aws.REGION,
        ["AWS_DEFAULT_REGION"] = Aws.REGION,
        ["OTEL_SERVICE_NAME"] = service,
    };

    /// <summary>
    /// Environment variable → (secret, JSON field or null for the whole value), by reference only. Only the
    /// agricultural core talks to the model, so only it gets the OpenAI key.
    /// </summary>
    public IReadOnlyList<(string Name, ISecret Secret, string? Field)> SecretEnvironment(string service)
    {
        List<(string, ISecret, string?)> secrets = [("DB_USER", DbSecret, "username"), ("DB_PASSWORD", DbSecret, "password")];
        if (service == Names.CoreService) secrets.Add(("OPENAI_API_KEY", OpenAiSecret, null));
        return secrets;
    }

    private DatabaseCluster CreateDatabase(DeploySettings settings)
    {
        var instanceType = new Amazon.CDK.AWS.EC2.InstanceType(settings.DbInstanceClass);
        var readers = Enumerable.Range(1, 1 + settings.ExtraReaders).Select(i => ClusterInstance.Provisioned($"reader{i}", new ProvisionedClusterInstanceProps
        {
            InstanceType = instanceType,
            PromotionTier = 1, // a reader is promoted on writer failure
            EnablePerformanceInsights = true,
        })).ToArray();

        var cluster = new DatabaseCluster(this, "Aurora", new DatabaseClusterProps
        {
            ClusterIdentifier = Names.ClusterIdentifier,
            Engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps
            {
                Version = AuroraPostgresEngineVersion.Of(settings.DbEngineVersion, settings.DbEngineVersion.Split('.')[0]),
            }),
            DefaultDatabaseName = Names.DatabaseName,
            Credentials = Credentials.FromGeneratedSecret(Names.DatabaseUser, new CredentialsBaseOptions { SecretName = Names.DbSecretName }),
            Writer = ClusterInstance.Provisioned("writer", new ProvisionedClusterInstanceProps { InstanceType = instanceType, EnablePerformanceInsights = true }),
            Readers = readers,
            Vpc = Vpc,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED },
            SecurityGroups = [DbSecurityGroup],
            Port = 5432,
            StorageEncrypted = true,
            Backup = new BackupProps { Retention = Duration.Days(7), PreferredWindow = "02:00-03:00" }, // PITR within these 7 days
            PreferredMaintenanceWindow = "sun:03:30-sun:04:30",
            DeletionProtection = true,
            RemovalPolicy = RemovalPolicy.SNAPSHOT,
            CloudwatchLogsExports = ["postgresql"],
            CloudwatchLogsRetention = Retention(settings),
            CopyTagsToSnapshot = true,
        });

        // Multi-AZ made explicit: CDK 2.160 has no AZ option per instance, so instance i goes to AZ i mod 2.
        var instances = cluster.Node.FindAll().OfType<CfnDBInstance>().ToList();
        for (var i = 0; i < instances.Count; i++)
            instances[i].AvailabilityZone = Vpc.AvailabilityZones[i % Vpc.AvailabilityZones.Length];
        return cluster;
    }

    private FargateTaskDefinition CreateMigrateTask(DeploySettings settings)
    {
        var task = new FargateTaskDefinition(this, "MigrateTask", new FargateTaskDefinitionProps
        {
            Family = Names.MigrateFamily,
            Cpu = 256,
            MemoryLimitMiB = 512,
            RuntimePlatform = new RuntimePlatform { CpuArchitecture = CpuArchitecture.X86_64, OperatingSystemFamily = OperatingSystemFamily.LINUX },
        });
        var logs = new LogGroup(this, "MigrateLogs", new LogGroupProps
        {
            LogGroupName = "/ava-olo/migrate",
            Retention = Retention(settings),
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var repo = Amazon.CDK.AWS.ECR.Repository.FromRepositoryName(this, "CoreRepo", Names.Repository(Names.CoreService));
        task.AddContainer("migrate", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromEcrRepository(repo, settings.ImageTag),
            // Same image as ava-olo-agricultural-core; only the command differs.
            EntryPoint = ["dotnet", "/cli/avaolo.dll"],
            Command = ["migrate"],
            Essential = true,
            Environment = PlainEnvironment("ava-olo-migrate"),
            Secrets = SecretEnvironment(Names.MigrateFamily).ToDictionary(s => s.Name, s => s.Field is null ? EcsSecret.FromSecretsManager(s.Secret) : EcsSecret.FromSecretsManager(s.Secret, s.Field)),
            Logging = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = logs, StreamPrefix = "migrate" }),
        });
        return task;
    }

    /// <summary>jsii enums are ordinals, not day counts: map the supported choices explicitly.</summary>
    internal static RetentionDays Retention(DeploySettings settings) => settings.LogRetentionDays switch
    {
        <= 7 => RetentionDays.ONE_WEEK,
        <= 14 => RetentionDays.TWO_WEEKS,
        <= 30 => RetentionDays.ONE_MONTH,
        <= 90 => RetentionDays.THREE_MONTHS,
        <= 180 => RetentionDays.SIX_MONTHS,
        _ => RetentionDays.ONE_YEAR,
    };
}
