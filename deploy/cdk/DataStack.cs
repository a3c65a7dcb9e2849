using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElastiCache;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;

namespace AvaOlo.Deploy;

/// <summary>
/// The long-lived half: VPC, Aurora PostgreSQL (farmer_crm) with its weekly cross-region backups, Redis, the secrets,
/// and the one-off migration task that runs `avaolo migrate` from the same image as the services before every deploy.
/// </summary>
public sealed partial class DataStack : Stack
{
    public Vpc Vpc { get; }

    /// <summary>The only security group the database and Redis accept connections from (services, connector, migration).</summary>
    public SecurityGroup AppSecurityGroup { get; }
    public SecurityGroup DbSecurityGroup { get; }
    public SecurityGroup RedisSecurityGroup { get; }
    public IDatabaseCluster Database { get; }
    public CfnReplicationGroup Redis { get; }

    /// <summary>Aurora's master credentials (JSON: username, password, host, …): the migration task only.</summary>
    public ISecret DbSecret { get; }

    /// <summary>The services' DML-only role's password (the whole secret value: no JSON key needed anywhere).</summary>
    public ISecret AppDbSecret { get; }

    /// <summary>Created with a random placeholder; operators put the real key in with put-secret-value.</summary>
    public ISecret OpenAiSecret { get; }
    public ISecret RedisUrlSecret { get; }

    /// <summary>WhatsApp/Twilio credentials of the chosen channels, by environment variable name.</summary>
    public IReadOnlyDictionary<string, ISecret> ChannelSecrets { get; }
    public Cluster EcsCluster { get; }
    public FargateTaskDefinition MigrateTask { get; }
    public DeploySettings Settings { get; }

    public DataStack(Construct scope, string id, DeploySettings settings, IStackProps props) : base(scope, id, props)
    {
        Settings = settings;
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

        (Database, DbSecret) = AuroraCluster.Create(this, settings, Vpc, DbSecurityGroup);
        _ = Backups.Create(this, settings, Database);
        AppDbSecret = PlaceholderSecret("AppDbPassword", Names.AppDbSecretName,
            $"DB_PASSWORD of the services' role {Names.ServiceDatabaseUser} (DML only). Generated; `avaolo migrate` sets the role's password from it.", 40);
        OpenAiSecret = PlaceholderSecret("OpenAiApiKey", Names.OpenAiSecretName,
            "OPENAI_API_KEY for AVA OLO. Created with a random placeholder: put the real key with `aws secretsmanager put-secret-value`.", 32);
        ChannelSecrets = settings.WhatsApp.SelectMany(c => Names.WhatsAppSecrets[c]).ToDictionary(v => v, v => PlaceholderSecret(
            v.Replace("_", "", StringComparison.Ordinal), Names.SecretName(v), $"{v} for the AVA OLO core. Created with a random placeholder: put the real value.", 32));
        (Redis, RedisUrlSecret, RedisSecurityGroup) = RedisCache.Create(this, settings, Vpc, AppSecurityGroup);

        EcsCluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = Vpc, ClusterName = Names.EcsCluster, ContainerInsights = true });
        MigrateTask = CreateMigrateTask(settings);

        _ = new CfnOutput(this, "DbEndpoint", new CfnOutputProps { Value = Database.ClusterEndpoint.Hostname });
        _ = new CfnOutput(this, "DbSecretArn", new CfnOutputProps { Value = DbSecret.SecretArn });
        _ = new CfnOutput(this, "AppDbSecretArn", new CfnOutputProps { Value = AppDbSecret.SecretArn });
        _ = new CfnOutput(this, "OpenAiSecretArn", new CfnOutputProps { Value = OpenAiSecret.SecretArn });
        _ = new CfnOutput(this, "RedisEndpoint", new CfnOutputProps { Value = Redis.AttrPrimaryEndPointAddress });
        _ = new CfnOutput(this, "MigrateCluster", new CfnOutputProps { Value = EcsCluster.ClusterName });
        _ = new CfnOutput(this, "MigrateTaskDefinition", new CfnOutputProps { Value = MigrateTask.TaskDefinitionArn });
        _ = new CfnOutput(this, "MigrateSubnets", new CfnOutputProps { Value = Fn.Join(",", Vpc.PrivateSubnets.Select(s => s.SubnetId).ToArray()) });
        _ = new CfnOutput(this, "MigrateSecurityGroup", new CfnOutputProps { Value = AppSecurityGroup.SecurityGroupId });
    }

    /// <summary>A secret whose whole value is one setting, generated (letters and digits) until an operator puts the real one.</summary>
    private ISecret PlaceholderSecret(string id, string name, string description, int length) =>
        new Amazon.CDK.AWS.SecretsManager.Secret(this, id, new SecretProps
        {
            SecretName = name,
            Description = description,
            GenerateSecretString = new SecretStringGenerator { PasswordLength = length, ExcludePunctuation = true },
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

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
            Environment = PlainEnvironment(Names.MigrateFamily),
            // ECS documents JSON keys (arn:…:username::), so only this task reads the master secret's fields.
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
