namespace AvaOlo.Deploy;

/// <summary>Names that operators, the workflow and the services share. Changing one breaks a runbook step.</summary>
public static class Names
{
    public const string CoreService = "ava-olo-agricultural-core";
    public const string DashboardsService = "ava-olo-monitoring-dashboards";
    public static readonly string[] Services = [CoreService, DashboardsService];

    public const string ClusterIdentifier = "farmer-crm-production";
    public const string DatabaseName = "farmer_crm";
    public const string DatabaseUser = "avaolo";
    public const string DbSecretName = "avaolo/production/db";
    public const string OpenAiSecretName = "avaolo/production/openai-api-key";

    public const string EcsCluster = "ava-olo-production";
    public const string MigrateFamily = "ava-olo-migrate";
    public const string AlarmTopic = "ava-olo-alarms";
    public const string Dashboard = "ava-olo-production";
    public const int ContainerPort = 8080;

    /// <summary>
    /// Application metrics the services emit once a minute per instance as CloudWatch Embedded Metric Format lines
    /// on stdout (src/AvaOlo.ServiceDefaults/Telemetry/EmfWriter.cs): namespace AvaOlo, one dimension Service.
    /// Counts are summed over instances; per-instance percentiles are combined with Maximum (an upper bound).
    /// </summary>
    public const string MetricNamespace = "AvaOlo";
    public const string ServiceDimension = "Service";
    public const string Http5xx = "Http5xx";
    public const string LatencyP99 = "LatencyP99";
    public const string DbConnectionErrors = "DbConnectionErrors";
    public const string ConstitutionalViolations = "ConstitutionalViolations";
    public const string LlmQueryLatency = "LLMQueryLatency";
    public const string DatabaseQueryTime = "DatabaseQueryTime";

    /// <summary>ECR repository per service: one image per service, both built from deploy/Dockerfile.</summary>
    public static string Repository(string service) => service;
}
