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
    public void A_bad_value_stops_the_synth_with_its_name(string key, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => Parse((key, value)));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
    }
}
