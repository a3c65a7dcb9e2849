using Amazon.CDK;
using Amazon.CDK.AWS.SecretsManager;

namespace AvaOlo.Deploy;

/// <summary>What each container gets: plain settings, and secrets by reference (resolved by the platform at start).</summary>
public sealed partial class DataStack
{
    /// <summary>Plain (non-secret) settings. The services log in as the DML role; the migration task as the owner.</summary>
    public Dictionary<string, string> PlainEnvironment(string service)
    {
        var env = new Dictionary<string, string>
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
        if (service == Names.MigrateFamily) env["DB_APP_USER"] = Names.ServiceDatabaseUser; // the role migrate grants
        else env["DB_USER"] = Names.ServiceDatabaseUser; // a role name, not a secret
        if (service == Names.CoreService && Settings.DomainName is { } domain) env["PUBLIC_BASE_URL"] = $"https://{domain}";
        return env;
    }

    /// <summary>
    /// Environment variable → (secret, JSON field or null for the whole value). The services get whole-value secrets
    /// only: App Runner documents RuntimeEnvironmentSecrets as the full ARN of a secret, nothing about JSON keys
    /// (deploy/README.md, "Secrets"). Only the core talks to the model and receives or sends WhatsApp messages; the
    /// dashboards get the provider credentials that fetch media (the workbench's voice notes and photos), never the
    /// app secret or verify token that would let them forge a webhook.
    /// </summary>
    public IReadOnlyList<(string Name, ISecret Secret, string? Field)> SecretEnvironment(string service)
    {
        if (service == Names.MigrateFamily)
            return [("DB_USER", DbSecret, "username"), ("DB_PASSWORD", DbSecret, "password"), ("DB_APP_PASSWORD", AppDbSecret, null)];
        List<(string, ISecret, string?)> secrets = [("DB_PASSWORD", AppDbSecret, null), ("REDIS_URL", RedisUrlSecret, null)];
        if (service == Names.CoreService)
        {
            secrets.Add(("OPENAI_API_KEY", OpenAiSecret, null));
            secrets.AddRange(ChannelSecrets.Select(kv => (kv.Key, kv.Value, (string?)null)));
        }
        else if (service == Names.DashboardsService)
            secrets.AddRange(ChannelSecrets.Where(kv => Names.MediaSecrets.Contains(kv.Key)).Select(kv => (kv.Key, kv.Value, (string?)null)));
        return secrets;
    }
}
