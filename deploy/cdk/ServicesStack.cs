using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace AvaOlo.Deploy;

/// <summary>The two services on the chosen compute, their alarms (to one SNS topic) and the dashboard.</summary>
public sealed class ServicesStack : Stack
{
    public Topic AlarmTopic { get; }
    public IReadOnlyList<DeployedService> Deployed { get; }

    /// <summary>Fargate only: 5xx answered by the load balancer itself.</summary>
    internal IMetric? LoadBalancer5xx { get; set; }

    public ServicesStack(Construct scope, string id, DeploySettings settings, DataStack data, IStackProps props) : base(scope, id, props)
    {
        AlarmTopic = new Topic(this, "Alarms", new TopicProps { TopicName = Names.AlarmTopic, DisplayName = "AVA OLO production alarms" });
        if (settings.AlarmEmail is { } email) AlarmTopic.AddSubscription(new EmailSubscription(email));

        Deployed = settings.Compute == Compute.AppRunner
            ? AppRunnerCompute.Create(this, settings, data)
            : FargateCompute.Create(this, settings, data);
        Monitoring.Create(this, settings, AlarmTopic, Deployed, LoadBalancer5xx);

        _ = new CfnOutput(this, "ImageTag", new CfnOutputProps { Value = settings.ImageTag, Description = "image tag now deployed (the workflow's rollback target)" });
        foreach (var service in Deployed)
            _ = new CfnOutput(this, $"{service.OutputId}Url", new CfnOutputProps { Value = service.Url, Description = $"{service.Name} base URL (GET /health)" });
    }

    /// <summary>
    /// What a running service may do besides reading its secrets: publish metrics in the AvaOlo namespace and
    /// write its own log streams. Logs from stdout are shipped by the platform (App Runner / awslogs driver).
    /// </summary>
    internal static void GrantTelemetry(IRole role)
    {
        role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "PublishAvaOloMetrics",
            Actions = ["cloudwatch:PutMetricData"],
            Resources = ["*"], // PutMetricData has no resource type; the namespace condition narrows it
            Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["cloudwatch:namespace"] = Names.MetricNamespace } },
        }));
        role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteAvaOloLogs",
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resources = [$"arn:{Aws.PARTITION}:logs:{Aws.REGION}:{Aws.ACCOUNT_ID}:log-group:/ava-olo/*"],
        }));
    }

    /// <summary>Read exactly these secrets: GetSecretValue on their ARNs, nothing else.</summary>
    internal static void GrantSecrets(IRole role, DataStack data, string service)
    {
        foreach (var secret in data.SecretEnvironment(service).Select(s => s.Secret).Distinct())
            secret.GrantRead(role);
    }
}

/// <summary>A running service as the alarms, the dashboard and the saved log queries see it. Latency is in milliseconds.</summary>
public sealed record DeployedService(
    string Name,
    string Url,
    Amazon.CDK.AWS.CloudWatch.IMetric Requests,
    Amazon.CDK.AWS.CloudWatch.IMetric Http5xx,
    Func<string, Amazon.CDK.AWS.CloudWatch.IMetric> LatencyMs,
    string LogGroupName)
{
    public string OutputId => Name == Names.CoreService ? "Core" : "Dashboards";
}
