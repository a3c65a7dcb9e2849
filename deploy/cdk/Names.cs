namespace AvaOlo.Deploy;

/// <summary>Names that operators, the workflow and the services share. Changing one breaks a runbook step.</summary>
public static class Names
{
    public const string CoreService = "ava-olo-agricultural-core";
    public const string DashboardsService = "ava-olo-monitoring-dashboards";
    public static readonly string[] Services = [CoreService, DashboardsService];

    public const string ClusterIdentifier = "farmer-crm-production";
    public const string DatabaseName = "farmer_crm";
    /// <summary>Aurora's master user: owns the schema, runs `avaolo migrate`; the services never get its secret.</summary>
    public const string DatabaseUser = "avaolo";
    public const string DbSecretName = "avaolo/production/db";

    /// <summary>The services' login: DML only, created and granted by `avaolo migrate` (DB_APP_USER / DB_APP_PASSWORD).</summary>
    public const string ServiceDatabaseUser = "avaolo_app";
    public const string AppDbSecretName = "avaolo/production/db-app";
    public const string OpenAiSecretName = "avaolo/production/openai-api-key";
    public const string RedisAuthSecretName = "avaolo/production/redis-auth-token";
    public const string RedisUrlSecretName = "avaolo/production/redis-url";
    public const string RedisReplicationGroup = "ava-olo-production";

    /// <summary>Sundays 03:00–05:00 UTC: the cluster, every DB instance and Redis (the automated backup runs 01:00–02:00).</summary>
    public const string MaintenanceWindow = "sun:03:00-sun:05:00";
    public const string BackupWindow = "01:00-02:00";
    public const string BackupVault = "ava-olo-production";
    public const string DrBackupVault = "ava-olo-dr";
    public const string BackupPlan = "ava-olo-weekly";

    /// <summary>WhatsApp credentials (PRODUCT.md names), each its own secret, created only for the chosen channels.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> WhatsAppSecrets = new Dictionary<string, string[]>
    {
        ["meta"] = ["WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN", "WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_NUMBER_ID"],
        ["twilio"] = ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_WHATSAPP_NUMBER"],
    };

    /// <summary>The channel credentials the dashboards get too: they stream received media from the provider to agronomists.</summary>
    public static readonly string[] MediaSecrets = ["WHATSAPP_ACCESS_TOKEN", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"];

    /// <summary>avaolo/production/whatsapp-app-secret for WHATSAPP_APP_SECRET, and so on.</summary>
    public static string SecretName(string variable) => "avaolo/production/" + variable.ToLowerInvariant().Replace('_', '-');

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
    /// <summary>WhatsApp messages the core's outbox gave up on (src/AvaOlo.ServiceDefaults/Telemetry/ChannelMetrics.cs).</summary>
    public const string WhatsAppSendFailures = "WhatsAppSendFailures";
    public const string LlmQueryLatency = "LLMQueryLatency";
    public const string DatabaseQueryTime = "DatabaseQueryTime";

    /// <summary>ECR repository per service: one image per service, both built from deploy/Dockerfile.</summary>
    public static string Repository(string service) => service;
}
