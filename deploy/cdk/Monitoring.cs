using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SNS;

namespace AvaOlo.Deploy;

/// <summary>
/// The operators' four alarms per service on the metrics the services emit (5xx &gt; 10/min, p99 &gt; 5,000 ms, DB
/// connection errors &gt; 5 in 5 min, any constitutional violation); WhatsApp send failures &gt; 5 in 5 min (core); a platform 5xx alarm per service that still
/// fires when the process is dead or never answers; Aurora CPU and connections. Every alarm notifies the SNS
/// topic on ALARM and on OK. One dashboard with the figures the operators watch, and the saved Logs Insights queries
/// (deploy/cdk/LogQueries.cs).
/// </summary>
internal static class Monitoring
{
    public static void Create(ServicesStack stack, DeploySettings settings, Topic topic, IReadOnlyList<DeployedService> services, IMetric? loadBalancer5xx)
    {
        var action = new SnsAction(topic);
        var alarms = new List<Alarm>();
        Alarm Add(string id, IMetric metric, double threshold, ComparisonOperator op, int periods, int datapoints, string description)
        {
            var alarm = new Alarm(stack, id, new AlarmProps
            {
                AlarmName = id,
                AlarmDescription = description + " Runbook: deploy/README.md, \"Reading the alarms\".",
                Metric = metric,
                Threshold = threshold,
                ComparisonOperator = op,
                EvaluationPeriods = periods,
                DatapointsToAlarm = datapoints,
                TreatMissingData = TreatMissingData.NOT_BREACHING, // no traffic is not an error
            });
            alarm.AddAlarmAction(action);
            alarm.AddOkAction(action);
            alarms.Add(alarm);
            return alarm;
        }

        foreach (var s in services)
        {
            Add($"{s.Name}-5xx", AppMetric(s.Name, Names.Http5xx, "Sum", Duration.Minutes(1)), 10, ComparisonOperator.GREATER_THAN_THRESHOLD, 1, 1,
                $"{s.Name}: more than 10 HTTP 5xx responses in a minute (as the service counts them).");
            Add($"{s.Name}-p99-latency", AppMetric(s.Name, Names.LatencyP99, "Maximum", Duration.Minutes(1)), 5000, ComparisonOperator.GREATER_THAN_THRESHOLD, 1, 1,
                $"{s.Name}: p99 latency above 5,000 ms in a minute (highest of the instances' p99).");
            Add($"{s.Name}-db-connection-errors", AppMetric(s.Name, Names.DbConnectionErrors, "Sum", Duration.Minutes(5)), 5,
                ComparisonOperator.GREATER_THAN_THRESHOLD, 1, 1, $"{s.Name}: more than 5 database connection failures in 5 minutes.");
            Add($"{s.Name}-constitutional-violations", AppMetric(s.Name, Names.ConstitutionalViolations, "Sum", Duration.Minutes(1)), 1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 1, $"{s.Name}: a constitutional check failed (any violation alarms).");
            Add($"{s.Name}-platform-5xx", s.Http5xx, 10, ComparisonOperator.GREATER_THAN_THRESHOLD, 1, 1,
                $"{s.Name}: more than 10 5xx in a minute as the platform saw them (also fires when the process crashed or hung).");
        }
        // Only the core sends WhatsApp messages; the same threshold as the dashboards' ALARM_WHATSAPP_SEND_FAILURES_PER_5_MINUTES default.
        Add($"{Names.CoreService}-whatsapp-send-failures", AppMetric(Names.CoreService, Names.WhatsAppSendFailures, "Sum", Duration.Minutes(5)), 5,
            ComparisonOperator.GREATER_THAN_THRESHOLD, 1, 1, $"{Names.CoreService}: more than 5 WhatsApp messages could not be sent in 5 minutes.");
        if (loadBalancer5xx is not null)
            Add("ava-olo-alb-5xx", loadBalancer5xx, 10, ComparisonOperator.GREATER_THAN_THRESHOLD, 1, 1,
                "Load balancer: more than 10 5xx in a minute answered by the load balancer itself (no healthy task?).");

        var cpu = AuroraMetric("CPUUtilization", "Average");
        var connections = AuroraMetric("DatabaseConnections", "Maximum");
        Add("aurora-cpu", cpu, 80, ComparisonOperator.GREATER_THAN_THRESHOLD, 3, 3,
            $"Aurora {Names.ClusterIdentifier}: CPU above 80 % for 15 minutes.");
        Add("aurora-connections", connections, settings.DbConnectionsAlarmThreshold, ComparisonOperator.GREATER_THAN_THRESHOLD, 2, 2,
            $"Aurora {Names.ClusterIdentifier}: more than {settings.DbConnectionsAlarmThreshold} connections for 10 minutes.");

        SaveQueries(stack, services);
        var dashboard = new Dashboard(stack, "Dashboard", new DashboardProps { DashboardName = Names.Dashboard });
        Metric[] Per(string metric, string stat) => services.Select(s => AppMetric(s.Name, metric, stat, Duration.Minutes(1))).ToArray();
        dashboard.AddWidgets(
            Graph("Requests per minute (platform)", services.Select(s => s.Requests)),
            Graph("HTTP 5xx per minute (platform)", services.Select(s => s.Http5xx).Concat(loadBalancer5xx is null ? [] : [loadBalancer5xx])),
            Graph("Latency p50 / p90 / p99 (ms, platform)", services.SelectMany(s => new[] { "p50", "p90", "p99" }.Select(s.LatencyMs))),
            Graph("HTTP 4xx / 5xx per minute (services)", Per("Http4xx", "Sum").Concat(Per(Names.Http5xx, "Sum"))));
        dashboard.AddWidgets(
            Graph("Latency p50 / p90 / p99 (ms, services)", Per("LatencyP50", "Maximum").Concat(Per("LatencyP90", "Maximum")).Concat(Per(Names.LatencyP99, "Maximum"))),
            Graph("Database connection errors", Per(Names.DbConnectionErrors, "Sum")),
            Graph("Constitutional violations", Per(Names.ConstitutionalViolations, "Sum")),
            Graph("Active connections", Per("ActiveConnections", "Sum")));
        dashboard.AddWidgets(
            Graph("LLM query latency (ms, mean)", [AppMetric(Names.CoreService, Names.LlmQueryLatency, "Average", Duration.Minutes(1))]),
            Graph("Database query time (ms, mean)", Per(Names.DatabaseQueryTime, "Average")),
            Graph("Localization accuracy %", [AppMetric(Names.CoreService, "LocalizationAccuracy", "Average", Duration.Minutes(5))]),
            Graph("CPU % / memory MB per instance (max)", Per("CpuPercent", "Maximum").Concat(Per("MemoryMB", "Maximum"))));
        dashboard.AddWidgets(
            Graph("Aurora CPU %", [cpu]),
            Graph("Aurora connections", [connections]),
            Graph("Aurora freeable memory", [AuroraMetric("FreeableMemory", "Minimum")]),
            new AlarmStatusWidget(new AlarmStatusWidgetProps { Title = "Alarms", Alarms = alarms.ToArray(), Width = 6 }));
    }

    /// <summary>The questions-and-answers queries read the core's log group; the 5xx query both services'.</summary>
    private static void SaveQueries(ServicesStack stack, IReadOnlyList<DeployedService> services)
    {
        var core = services.Single(s => s.Name == Names.CoreService).LogGroupName;
        foreach (var (id, query, groups) in new[]
        {
            ("ViolationsQuery", LogQueries.ConstitutionalViolations, new[] { core }),
            ("HungarianInCroatiaQuery", LogQueries.HungarianSpeakersInCroatiaPerHour, new[] { core }),
            ("ServerErrorsQuery", LogQueries.ServerErrors, services.Select(s => s.LogGroupName).ToArray()),
        })
            _ = new CfnQueryDefinition(stack, id, new CfnQueryDefinitionProps { Name = query.Name, QueryString = query.Query, LogGroupNames = groups });
    }

    /// <summary>A metric the services emit: namespace AvaOlo, dimension Service.</summary>
    public static Metric AppMetric(string service, string name, string statistic, Duration period) => new(new MetricProps
    {
        Namespace = Names.MetricNamespace,
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { [Names.ServiceDimension] = service },
        Statistic = statistic,
        Period = period,
    });

    private static Metric AuroraMetric(string name, string statistic) => new(new MetricProps
    {
        Namespace = "AWS/RDS",
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { ["DBClusterIdentifier"] = Names.ClusterIdentifier },
        Statistic = statistic,
        Period = Duration.Minutes(5),
    });

    private static GraphWidget Graph(string title, IEnumerable<IMetric> metrics) =>
        new(new GraphWidgetProps { Title = title, Left = metrics.ToArray(), Width = 6, Height = 6 });
}
