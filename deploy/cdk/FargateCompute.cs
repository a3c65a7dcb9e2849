using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.Route53.Targets;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;

namespace AvaOlo.Deploy;

/// <summary>
/// ECS Fargate behind one Application Load Balancer (new accounts, where App Runner is closed): the same sizes
/// (256 CPU / 512 MiB), /health checks every 10 s, 1–25 tasks, and a deployment circuit breaker that rolls a
/// failed deploy back to the last healthy task definition. HTTPS only (443 core, 8443 dashboards, 80 redirects to
/// 443) with a certificate: created for domainName (DNS-validated in its zone) or given as certificateArn; plain HTTP
/// (80, 8081) only with -c dev=true.
/// </summary>
internal static class FargateCompute
{
    public static IReadOnlyList<DeployedService> Create(ServicesStack stack, DeploySettings settings, DataStack data)
    {
        var alb = new ApplicationLoadBalancer(stack, "Alb", new ApplicationLoadBalancerProps
        {
            Vpc = data.Vpc,
            InternetFacing = true,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },
            IdleTimeout = Duration.Seconds(60),
            DropInvalidHeaderFields = true,
        });
        var zone = PublicDomain.Zone(stack, settings);
        ICertificate? certificate = settings.CertificateArn is { } arn ? Certificate.FromCertificateArn(stack, "Certificate", arn)
            : zone is not null ? new Certificate(stack, "Certificate", new CertificateProps
            {
                DomainName = settings.DomainName!,
                SubjectAlternativeNames = [settings.DashboardsDomainName!],
                Validation = CertificateValidation.FromDns(zone),
            })
            : null;
        var https = certificate is not null;
        string scheme = https ? "https" : "http";
        if (https) alb.AddRedirect(new ApplicationLoadBalancerRedirectConfig { SourcePort = 80, SourceProtocol = ApplicationProtocol.HTTP, TargetPort = 443, TargetProtocol = ApplicationProtocol.HTTPS });

        // The tasks' own group lives in this stack, so the load balancer → task rule does too (a rule on the data
        // stack's group would make the data stack depend on this one). The database admits it on 5432; that rule
        // is created here as well ("remote rule"), pointing at the data stack's database group.
        var tasksSg = new SecurityGroup(stack, "TasksSecurityGroup", new SecurityGroupProps
        {
            Vpc = data.Vpc,
            Description = "AVA OLO Fargate tasks: 8080 from the load balancer; may reach Aurora on 5432",
            AllowAllOutbound = true,
        });
        data.DbSecurityGroup.AddIngressRule(tasksSg, Port.Tcp(5432), "PostgreSQL from AVA OLO Fargate tasks", remoteRule: true);
        data.RedisSecurityGroup.AddIngressRule(tasksSg, Port.Tcp(6379), "Redis from AVA OLO Fargate tasks", remoteRule: true);

        var deployed = new List<DeployedService>();
        string? coreUrl = null;
        foreach (var name in Names.Services)
        {
            var port = (name == Names.CoreService, https) switch { (true, true) => 443, (true, false) => 80, (false, true) => 8443, _ => 8081 };
            var host = PublicDomain.NameOf(settings, name);
            var url = host is null ? $"{scheme}://{alb.LoadBalancerDnsName}:{port}" : port == 443 ? $"https://{host}" : $"https://{host}:{port}";
            var listener = alb.AddListener($"{name}-listener", new BaseApplicationListenerProps
            {
                Port = port,
                Protocol = https ? ApplicationProtocol.HTTPS : ApplicationProtocol.HTTP,
                Certificates = certificate is null ? null : [ListenerCertificate.FromCertificateManager(certificate)],
                SslPolicy = https ? SslPolicy.RECOMMENDED_TLS : null, // TLS 1.2 and 1.3 only
                Open = true,
            });
            if (zone is not null && host is not null)
                _ = new ARecord(stack, $"{name}-alias", new ARecordProps { Zone = zone, RecordName = host, Target = RecordTarget.FromAlias(new LoadBalancerTarget(alb)) });

            var task = new FargateTaskDefinition(stack, $"{name}-task", new FargateTaskDefinitionProps
            {
                Family = name,
                Cpu = 256,
                MemoryLimitMiB = 512,
                RuntimePlatform = new RuntimePlatform { CpuArchitecture = CpuArchitecture.X86_64, OperatingSystemFamily = OperatingSystemFamily.LINUX },
            });
            ServicesStack.GrantTelemetry(task.TaskRole);
            var logs = new LogGroup(stack, $"{name}-logs", new LogGroupProps
            {
                LogGroupName = $"/ava-olo/{name}",
                Retention = DataStack.Retention(settings),
                RemovalPolicy = RemovalPolicy.RETAIN,
            });
            var env = data.PlainEnvironment(name);
            env["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true"; // TLS ends at the load balancer
            if (name == Names.DashboardsService && coreUrl is not null) env["AGRICULTURAL_CORE_URL"] = coreUrl;
            var repo = Repository.FromRepositoryName(stack, $"{name}-repo", Names.Repository(name));
            task.AddContainer(name, new ContainerDefinitionOptions
            {
                Image = ContainerImage.FromEcrRepository(repo, settings.ImageTag),
                Essential = true,
                PortMappings = [new PortMapping { ContainerPort = Names.ContainerPort, Protocol = Amazon.CDK.AWS.ECS.Protocol.TCP }],
                Environment = env,
                // Resolved by the task execution role at start: values never appear in the task definition.
                Secrets = data.SecretEnvironment(name).ToDictionary(s => s.Name,
                    s => s.Field is null ? EcsSecret.FromSecretsManager(s.Secret) : EcsSecret.FromSecretsManager(s.Secret, s.Field)),
                Logging = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = logs, StreamPrefix = "app" }),
                StopTimeout = Duration.Seconds(30),
            });

            var service = new FargateService(stack, $"{name}-service", new FargateServiceProps
            {
                ServiceName = name,
                Cluster = data.EcsCluster,
                TaskDefinition = task,
                DesiredCount = 1,
                MinHealthyPercent = 100,
                MaxHealthyPercent = 200,
                CircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
                SecurityGroups = [tasksSg],
                VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
                AssignPublicIp = false,
                HealthCheckGracePeriod = Duration.Seconds(30),
                EnableExecuteCommand = false,
            });
            var target = listener.AddTargets($"{name}-targets", new AddApplicationTargetsProps
            {
                Port = Names.ContainerPort,
                Protocol = ApplicationProtocol.HTTP,
                Targets = [service],
                DeregistrationDelay = Duration.Seconds(30),
                HealthCheck = new Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck
                {
                    Path = "/health",
                    Interval = Duration.Seconds(10),
                    Timeout = Duration.Seconds(5),
                    HealthyThresholdCount = 2, // the load balancer's minimum (App Runner uses 1)
                    UnhealthyThresholdCount = 5,
                    HealthyHttpCodes = "200",
                },
            });

            var scaling = service.AutoScaleTaskCount(new Amazon.CDK.AWS.ApplicationAutoScaling.EnableScalingProps { MinCapacity = 1, MaxCapacity = 25 });
            scaling.ScaleOnCpuUtilization("cpu", new CpuUtilizationScalingProps { TargetUtilizationPercent = 60 });
            // ~50 requests/s per 0.25 vCPU task: a starting point, tune from the dashboard.
            scaling.ScaleOnRequestCount("requests", new RequestCountScalingProps { RequestsPerTarget = 3000, TargetGroup = target });

            if (name == Names.CoreService) coreUrl = url;
            var latencySeconds = target.Metrics;
            var idPrefix = name == Names.CoreService ? "core" : "dashboards";
            deployed.Add(new DeployedService(name, url,
                target.Metrics.RequestCount(new MetricOptions { Period = Duration.Minutes(1), Statistic = "Sum" }),
                target.Metrics.HttpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, new MetricOptions { Period = Duration.Minutes(1), Statistic = "Sum" }),
                // The load balancer reports seconds; the alarms and dashboard speak milliseconds.
                stat => new MathExpression(new MathExpressionProps
                {
                    Expression = $"{idPrefix}{stat} * 1000",
                    UsingMetrics = new Dictionary<string, IMetric> { [$"{idPrefix}{stat}"] = latencySeconds.TargetResponseTime(new MetricOptions { Period = Duration.Minutes(1), Statistic = stat }) },
                    Label = $"{name} latency {stat} (ms)",
                    Period = Duration.Minutes(1),
                }),
                $"/ava-olo/{name}"));
        }

        // Errors the load balancer answers itself (e.g. 503 with no healthy task) never reach a target.
        var elb5xx = alb.Metrics.HttpCodeElb(HttpCodeElb.ELB_5XX_COUNT, new MetricOptions { Period = Duration.Minutes(1), Statistic = "Sum" });
        stack.LoadBalancer5xx = elb5xx;
        return deployed;
    }
}
