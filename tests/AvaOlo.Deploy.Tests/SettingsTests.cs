namespace AvaOlo.Deploy.Tests;

public sealed class SettingsTests
{
    private static DeploySettings Parse(params (string Key, string Value)[] context) =>
        DeploySettings.FromContext(k => context.Where(c => c.Key == k).Select(c => c.Value).FirstOrDefault());

    [Fact]
    public void Defaults_are_app_runner_one_nat_one_reader()
    {
        var s = Parse();
        Assert.Equal(Compute.AppRunner, s.Compute);
        Assert.Equal(0, s.ExtraReaders);
        Assert.Equal(1, s.NatGateways);
        Assert.Null(s.AlarmEmail);
    }

    [Theory]
    [InlineData("apprunner", Compute.AppRunner)]
    [InlineData("AppRunner", Compute.AppRunner)]
    [InlineData("fargate", Compute.Fargate)]
    [InlineData("ecs", Compute.Fargate)]
    public void Compute_is_chosen_by_context(string value, Compute expected) => Assert.Equal(expected, Parse(("compute", value)).Compute);

    [Theory]
    [InlineData("compute", "lambda")]
    [InlineData("extraReaders", "-1")]
    [InlineData("extraReaders", "two")]
    [InlineData("natGateways", "3")]
    [InlineData("logRetentionDays", "0")]
    [InlineData("domainName", "not a domain")]
    [InlineData("hostedZoneId", "zone-1")]
    [InlineData("drRegion", "Frankfurt")]
    [InlineData("dev", "maybe")]
    [InlineData("restoreSnapshotArn", "snap-123")]
    [InlineData("redisNodeType", "t4g.small")]
    [InlineData("whatsapp", "telegram")]
    public void A_bad_value_stops_the_synth_with_its_name(string key, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => Parse((key, value)));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
    }
}

public sealed class SettingsCombinationTests
{
    [Fact]
    public void Seed_details_come_from_context()
    {
        var s = DeploySettings.FromContext(k => k switch
        {
            "compute" => "fargate", "domainName" => "API.avaolo.example", "hostedZoneId" => "Z0123456789ABCDEFGHIJ", "drRegion" => "eu-north-1",
            "whatsapp" => "twilio, meta", "redisNodeType" => "cache.r7g.large", _ => null,
        });
        Assert.Equal("api.avaolo.example", s.DomainName);
        Assert.Equal("avaolo.example", s.ZoneName);
        Assert.Equal("dashboards.api.avaolo.example", s.DashboardsDomainName);
        Assert.Equal("eu-north-1", s.DrRegion);
        Assert.Equal(["twilio", "meta"], s.WhatsApp);
        Assert.Equal("cache.r7g.large", s.RedisNodeType);
        Assert.False(s.Dev);
        s.Validate();
    }

    [Theory]
    [InlineData("fargate", null, null, null, "HTTPS only")]
    [InlineData("fargate", "api.avaolo.example", null, null, "needs hostedZoneId")]
    [InlineData("apprunner", null, null, "arn:aws:acm:eu-central-1:123456789012:certificate/x", "certificateArn is for Fargate")]
    [InlineData("apprunner", "avaolo.example", "Z0123456789ABCDEFGHIJ", null, "below the zone's apex")]
    public void Combinations_that_must_not_deploy_stop_the_synth_with_what_to_pass(string compute, string? domain, string? zone, string? certificate, string expected)
    {
        var s = DeploySettings.FromContext(k => k switch
        {
            "compute" => compute, "domainName" => domain, "hostedZoneId" => zone, "certificateArn" => certificate, "hostedZoneName" => domain is null ? null : "avaolo.example", _ => null,
        });
        var e = Assert.Throws<ArgumentException>(s.Validate);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
