using Amazon.CDK;
using Amazon.CDK.AWS.AppRunner;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.CustomResources;

namespace AvaOlo.Deploy;

/// <summary>
/// App Runner (existing accounts): L1 CfnService per service, 0.25 vCPU / 0.5 GB, 1–25 instances at 100
/// concurrent requests, /health every 10 s, outbound through a VPC connector so the database stays private.
/// With domainName, each service is associated with its public name (CloudFormation has no resource for App Runner
/// custom domains: a custom resource calls apprunner:AssociateCustomDomain) and a CNAME points at it; the certificate's
/// validation records are added by deploy/apprunner-domain.sh once App Runner has made them.
/// </summary>
internal static class AppRunnerCompute
{
    public static IReadOnlyList<DeployedService> Create(ServicesStack stack, DeploySettings settings, DataStack data)
    {
        var connector = new CfnVpcConnector(stack, "VpcConnector", new CfnVpcConnectorProps
        {
            VpcConnectorName = "ava-olo-production",
            Subnets = data.Vpc.PrivateSubnets.Select(s => s.SubnetId).ToArray(),
            SecurityGroups = [data.AppSecurityGroup.SecurityGroupId],
        });
        var scaling = new CfnAutoScalingConfiguration(stack, "Scaling", new CfnAutoScalingConfigurationProps
        {
            AutoScalingConfigurationName = "ava-olo-1-25",
            MinSize = 1,
            MaxSize = 25,
            MaxConcurrency = 100,
        });
        // App Runner itself pulls the images with this role; the services never see it.
        var access = new Role(stack, "EcrAccessRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("build.apprunner.amazonaws.com"),
            Description = "App Runner pulls AVA OLO images from ECR",
        });

        var zone = PublicDomain.Zone(stack, settings);
        var deployed = new List<DeployedService>();
        CfnService? core = null;
        foreach (var name in Names.Services)
        {
            var repo = Repository.FromRepositoryName(stack, $"{name}-repo", Names.Repository(name));
            repo.GrantPull(access);
            var role = new Role(stack, $"{name}-instance-role", new RoleProps
            {
                AssumedBy = new ServicePrincipal("tasks.apprunner.amazonaws.com"),
                Description = $"{name} instances: read its secrets, publish metrics and logs",
            });
            ServicesStack.GrantSecrets(role, data, name);
            ServicesStack.GrantTelemetry(role);

            var env = data.PlainEnvironment(name);
            env["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true"; // TLS ends at App Runner's front end
            if (name == Names.DashboardsService && core is not null) env["AGRICULTURAL_CORE_URL"] = settings.DomainName is { } d ? $"https://{d}" : $"https://{core.AttrServiceUrl}";

            var service = new CfnService(stack, name, new CfnServiceProps
            {
                ServiceName = name,
                SourceConfiguration = new CfnService.SourceConfigurationProperty
                {
                    AutoDeploymentsEnabled = true,
                    AuthenticationConfiguration = new CfnService.AuthenticationConfigurationProperty { AccessRoleArn = access.RoleArn },
                    ImageRepository = new CfnService.ImageRepositoryProperty
                    {
                        ImageRepositoryType = "ECR",
                        ImageIdentifier = $"{repo.RepositoryUri}:{settings.ImageTag}",
                        ImageConfiguration = new CfnService.ImageConfigurationProperty
                        {
                            Port = Names.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            RuntimeEnvironmentVariables = env.Select(kv => new CfnService.KeyValuePairProperty { Name = kv.Key, Value = kv.Value }).ToArray(),
                            // By reference: App Runner resolves them at start with the instance role.
                            RuntimeEnvironmentSecrets = data.SecretEnvironment(name).Select(s => new CfnService.KeyValuePairProperty
                            {
                                Name = s.Name,
                                Value = s.Field is null ? s.Secret.SecretArn : $"{s.Secret.SecretArn}:{s.Field}::",
                            }).ToArray(),
                        },
                    },
                },
                InstanceConfiguration = new CfnService.InstanceConfigurationProperty
                {
                    Cpu = "256",    // 0.25 vCPU
                    Memory = "512", // 0.5 GB
                    InstanceRoleArn = role.RoleArn,
                },
                HealthCheckConfiguration = new CfnService.HealthCheckConfigurationProperty
                {
                    Protocol = "HTTP",
                    Path = "/health",
                    Interval = 10,
                    Timeout = 5,
                    HealthyThreshold = 1,
                    UnhealthyThreshold = 5,
                },
                NetworkConfiguration = new CfnService.NetworkConfigurationProperty
                {
                    EgressConfiguration = new CfnService.EgressConfigurationProperty { EgressType = "VPC", VpcConnectorArn = connector.AttrVpcConnectorArn },
                    IngressConfiguration = new CfnService.IngressConfigurationProperty { IsPubliclyAccessible = true },
                },
                AutoScalingConfigurationArn = scaling.AttrAutoScalingConfigurationArn,
            });
            service.Node.AddDependency(access); // the pull permission must exist before the first pull
            if (name == Names.CoreService) core = service;
            var host = PublicDomain.NameOf(settings, name);
            if (zone is not null && host is not null) AssociateDomain(stack, zone, service, name, host);
            // deploy/apprunner-domain.sh takes these to add the certificate validation records.
            _ = new CfnOutput(stack, $"{(name == Names.CoreService ? "Core" : "Dashboards")}ServiceArn", new CfnOutputProps { Value = service.AttrServiceArn });

            // App Runner creates its own log groups on first start; this sets their retention.
            foreach (var kind in new[] { "application", "service" })
                _ = new LogRetention(stack, $"{name}-{kind}-retention", new LogRetentionProps
                {
                    LogGroupName = $"/aws/apprunner/{name}/{service.AttrServiceId}/{kind}",
                    Retention = DataStack.Retention(settings),
                });

            var dims = new Dictionary<string, string> { ["ServiceName"] = name, ["ServiceID"] = service.AttrServiceId };
            Metric M(string metric, string stat) => new(new MetricProps
            {
                Namespace = "AWS/AppRunner", MetricName = metric, DimensionsMap = dims, Statistic = stat, Period = Duration.Minutes(1),
            });
            deployed.Add(new DeployedService(name, host is null ? $"https://{service.AttrServiceUrl}" : $"https://{host}",
                M("Requests", "Sum"), M("5xxStatusResponses", "Sum"), stat => M("RequestLatency", stat),
                $"/aws/apprunner/{name}/{service.AttrServiceId}/application"));
        }
        return deployed;
    }

    /// <summary>AssociateCustomDomain on create, DisassociateCustomDomain on delete; the name's CNAME points at App Runner's DNS target.</summary>
    private static void AssociateDomain(ServicesStack stack, IHostedZone zone, CfnService service, string name, string host)
    {
        var association = new AwsCustomResource(stack, $"{name}-custom-domain", new AwsCustomResourceProps
        {
            OnCreate = new AwsSdkCall
            {
                Service = "AppRunner",
                Action = "associateCustomDomain",
                Parameters = new Dictionary<string, object> { ["ServiceArn"] = service.AttrServiceArn, ["DomainName"] = host, ["EnableWWWSubdomain"] = false },
                PhysicalResourceId = PhysicalResourceId.Of(host),
                OutputPaths = ["DNSTarget"],
            },
            OnDelete = new AwsSdkCall
            {
                Service = "AppRunner",
                Action = "disassociateCustomDomain",
                Parameters = new Dictionary<string, object> { ["ServiceArn"] = service.AttrServiceArn, ["DomainName"] = host },
            },
            Policy = AwsCustomResourcePolicy.FromStatements(
            [
                new PolicyStatement(new PolicyStatementProps
                {
                    Actions = ["apprunner:AssociateCustomDomain", "apprunner:DisassociateCustomDomain"],
                    Resources = [service.AttrServiceArn],
                }),
            ]),
            InstallLatestAwsSdk = false, // the Lambda runtime's SDK has App Runner; no download during a deploy
        });
        _ = new CnameRecord(stack, $"{name}-cname", new CnameRecordProps
        {
            Zone = zone,
            RecordName = host,
            DomainName = association.GetResponseField("DNSTarget"),
            Ttl = Duration.Minutes(5),
        });
    }
}
