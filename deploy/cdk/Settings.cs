using System.Globalization;

namespace AvaOlo.Deploy;

public enum Compute { AppRunner, Fargate }

/// <summary>
/// Everything an operator chooses with `cdk deploy -c name=value`. Parsed in one place so that a typo stops the
/// synth with one clear line instead of deploying a default nobody asked for.
/// </summary>
public sealed record DeploySettings
{
    public Compute Compute { get; init; } = Compute.AppRunner;

    /// <summary>The image tag to run; CI passes the commit SHA. Both images carry the same tag.</summary>
    public string ImageTag { get; init; } = "latest";

    /// <summary>Aurora readers on top of the one Multi-AZ reader (growth plan: read replicas).</summary>
    public int ExtraReaders { get; init; }

    public string DbInstanceClass { get; init; } = "r6g.large";
    public string DbEngineVersion { get; init; } = "16.6";
    public int NatGateways { get; init; } = 1;
    public int LogRetentionDays { get; init; } = 30;
    public int DbConnectionsAlarmThreshold { get; init; } = 1000;
    public string? AlarmEmail { get; init; }

    /// <summary>Fargate only: an ACM certificate for HTTPS on the load balancer (443 core, 8443 dashboards).</summary>
    public string? CertificateArn { get; init; }

    public static DeploySettings FromContext(Func<string, string?> get)
    {
        var s = new DeploySettings();
        return s with
        {
            Compute = get("compute")?.Trim().ToLowerInvariant() switch
            {
                null or "" or "apprunner" => Compute.AppRunner,
                "fargate" or "ecs" => Compute.Fargate,
                var other => throw new ArgumentException($"context compute must be apprunner or fargate (got \"{other}\")"),
            },
            ImageTag = NonEmpty(get("imageTag")) ?? s.ImageTag,
            ExtraReaders = Int(get, "extraReaders", s.ExtraReaders, 0, 14),
            DbInstanceClass = NonEmpty(get("dbInstanceClass")) ?? s.DbInstanceClass,
            DbEngineVersion = NonEmpty(get("dbEngineVersion")) ?? s.DbEngineVersion,
            NatGateways = Int(get, "natGateways", s.NatGateways, 1, 2),
            LogRetentionDays = Int(get, "logRetentionDays", s.LogRetentionDays, 1, 3653),
            DbConnectionsAlarmThreshold = Int(get, "dbConnectionsAlarmThreshold", s.DbConnectionsAlarmThreshold, 1, 5000),
            AlarmEmail = NonEmpty(get("alarmEmail")),
            CertificateArn = NonEmpty(get("certificateArn")),
        };
    }

    private static string? NonEmpty(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();

    private static int Int(Func<string, string?> get, string name, int fallback, int min, int max)
    {
        var raw = NonEmpty(get(name));
        if (raw is null) return fallback;
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw new ArgumentException($"context {name} must be a whole number from {min} to {max} (got \"{raw}\")");
        return v;
    }
}
