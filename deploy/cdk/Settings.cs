using System.Globalization;
using System.Text.RegularExpressions;

namespace AvaOlo.Deploy;

public enum Compute { AppRunner, Fargate }

/// <summary>
/// Everything an operator chooses with `cdk deploy -c name=value`. Parsed in one place so that a typo stops the
/// synth with one clear line instead of deploying a default nobody asked for.
/// </summary>
public sealed partial record DeploySettings
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

    /// <summary>Fargate only: an existing ACM certificate for HTTPS on the load balancer (443 core, 8443 dashboards).</summary>
    public string? CertificateArn { get; init; }

    /// <summary>
    /// The core's public name (e.g. api.avaolo.example); the dashboards get dashboards.&lt;domainName&gt;. Route 53 records
    /// in the hosted zone <see cref="HostedZoneId"/>; on Fargate an ACM certificate for both names (DNS-validated), on
    /// App Runner its own managed certificate through AssociateCustomDomain.
    /// </summary>
    public string? DomainName { get; init; }
    public string? HostedZoneId { get; init; }

    /// <summary>The zone's name; defaults to the domain name without its first label (api.avaolo.example → avaolo.example).</summary>
    public string? HostedZoneName { get; init; }

    /// <summary>A test deployment: allows plain HTTP on Fargate (production must have a certificate).</summary>
    public bool Dev { get; init; }

    /// <summary>Region of the weekly cross-region snapshot copies (AWS Backup vault ava-olo-dr). Must differ from the stack's.</summary>
    public string DrRegion { get; init; } = "eu-west-1";
    public int WeeklyBackupRetentionDays { get; init; } = 35;
    public int DrCopyRetentionDays { get; init; } = 90;

    /// <summary>Disaster recovery: create the cluster from this (copied) cluster snapshot instead of an empty one.</summary>
    public string? RestoreSnapshotArn { get; init; }

    /// <summary>ElastiCache node type of the two-node Redis replication group (REDIS_URL of both services).</summary>
    public string RedisNodeType { get; init; } = "cache.t4g.small";

    /// <summary>WhatsApp channels whose credentials the core gets by reference: meta (Cloud API), twilio, or both.</summary>
    public IReadOnlyList<string> WhatsApp { get; init; } = [];

    /// <summary>The dashboards' name under <see cref="DomainName"/>.</summary>
    public string? DashboardsDomainName => DomainName is null ? null : $"dashboards.{DomainName}";

    public string? ZoneName => HostedZoneName ?? (DomainName?.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot ? DomainName[(dot + 1)..] : null);

    /// <summary>Combinations that must not deploy; each message says what to pass instead.</summary>
    public void Validate()
    {
        if (DomainName is not null && HostedZoneId is null)
            throw new ArgumentException("context domainName needs hostedZoneId (the Route 53 hosted zone that holds it; no lookup at synth)");
        if (Compute == Compute.Fargate && CertificateArn is null && DomainName is null && !Dev)
            throw new ArgumentException("Fargate serves HTTPS only: pass -c domainName=<name> -c hostedZoneId=<zone> (a certificate is created) "
                + "or -c certificateArn=<ACM certificate>; -c dev=true allows plain HTTP for a test deployment");
        if (Compute == Compute.AppRunner && DomainName is not null && DomainName == ZoneName)
            throw new ArgumentException("on App Runner domainName must be below the zone's apex (it gets a CNAME), e.g. api." + DomainName);
        if (Compute == Compute.AppRunner && CertificateArn is not null)
            throw new ArgumentException("certificateArn is for Fargate; App Runner serves HTTPS itself (custom names: -c domainName=…)");
    }

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
            DomainName = Match(get, "domainName", DomainPattern(), "a host name such as api.avaolo.example")?.ToLowerInvariant(),
            HostedZoneId = Match(get, "hostedZoneId", ZoneIdPattern(), "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ"),
            HostedZoneName = Match(get, "hostedZoneName", DomainPattern(), "a zone name such as avaolo.example")?.ToLowerInvariant(),
            Dev = Bool(get, "dev"),
            DrRegion = Match(get, "drRegion", RegionPattern(), "an AWS region such as eu-west-1") ?? s.DrRegion,
            WeeklyBackupRetentionDays = Int(get, "weeklyBackupRetentionDays", s.WeeklyBackupRetentionDays, 7, 3650),
            DrCopyRetentionDays = Int(get, "drCopyRetentionDays", s.DrCopyRetentionDays, 7, 3650),
            RestoreSnapshotArn = Match(get, "restoreSnapshotArn", SnapshotArnPattern(), "an RDS cluster snapshot ARN (arn:aws:rds:<region>:<account>:cluster-snapshot:…)"),
            RedisNodeType = Match(get, "redisNodeType", RedisNodePattern(), "an ElastiCache node type such as cache.t4g.small") ?? s.RedisNodeType,
            WhatsApp = Channels(get("whatsapp")),
        };
    }

    private static IReadOnlyList<string> Channels(string? raw)
    {
        var list = (raw ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToLowerInvariant()).Distinct().ToList();
        if (list.Except(["meta", "twilio"]).FirstOrDefault() is { } bad)
            throw new ArgumentException($"context whatsapp must be meta, twilio or meta,twilio (got \"{bad}\")");
        return list;
    }

    private static bool Bool(Func<string, string?> get, string name) => NonEmpty(get(name))?.ToLowerInvariant() switch
    {
        null or "false" or "0" or "no" => false,
        "true" or "1" or "yes" => true,
        var other => throw new ArgumentException($"context {name} must be true or false (got \"{other}\")"),
    };

    private static string? Match(Func<string, string?> get, string name, Regex pattern, string expected)
    {
        var raw = NonEmpty(get(name));
        if (raw is not null && !pattern.IsMatch(raw)) throw new ArgumentException($"context {name} must be {expected} (got \"{raw}\")");
        return raw;
    }

    [GeneratedRegex(@"^(?=.{4,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex("^Z[A-Z0-9]{4,31}$")]
    private static partial Regex ZoneIdPattern();

    [GeneratedRegex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^arn:aws[a-z-]*:rds:[a-z0-9-]+:[0-9]{12}:cluster-snapshot:[A-Za-z0-9:-]+$")]
    private static partial Regex SnapshotArnPattern();

    [GeneratedRegex(@"^cache\.[a-z0-9]+\.[a-z0-9]+$")]
    private static partial Regex RedisNodePattern();

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
