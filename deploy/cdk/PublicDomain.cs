using Amazon.CDK.AWS.Route53;
using Constructs;

namespace AvaOlo.Deploy;

/// <summary>The public names when domainName is given: the core at domainName, the dashboards at dashboards.&lt;domainName&gt;.</summary>
internal static class PublicDomain
{
    /// <summary>The hosted zone by id and name: no lookup, so a synth needs no AWS credentials.</summary>
    public static IHostedZone? Zone(Construct scope, DeploySettings settings) => settings.DomainName is null ? null :
        HostedZone.FromHostedZoneAttributes(scope, "Zone", new HostedZoneAttributes { HostedZoneId = settings.HostedZoneId!, ZoneName = settings.ZoneName! });

    public static string? NameOf(DeploySettings settings, string service) =>
        service == Names.CoreService ? settings.DomainName : settings.DashboardsDomainName;
}
