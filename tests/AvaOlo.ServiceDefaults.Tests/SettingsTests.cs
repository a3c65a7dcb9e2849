using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AvaOlo.ServiceDefaults.Tests;

public sealed class SettingsTests
{
    [Fact]
    public async Task Bad_settings_stop_the_host_before_it_listens_with_one_line_naming_each_and_exit_code_2()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection([
            new("PORT", "http"), new("METRICS_RETENTION_DAYS", "0"), new("SHUTDOWN_DRAIN_SECONDS", "99"), new("LOG_FORMAT", "text")]);
        builder.Logging.ClearProviders();
        builder.UseAvaOloHosting();
        builder.AddAvaOloTelemetry("svc");
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.UseAvaOloTelemetry();
        var stderr = new StringWriter();

        var exit = await HostRunner.RunAsync(app, "svc", stderr).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(line.StartsWith("svc: configuration error: ", StringComparison.Ordinal) && line.Contains("(got \"http\")", StringComparison.Ordinal), line);
        Assert.Contains("PORT must be a whole number (got \"http\")", line, StringComparison.Ordinal);
        Assert.Contains("METRICS_RETENTION_DAYS must be", line, StringComparison.Ordinal);
        Assert.Contains("SHUTDOWN_DRAIN_SECONDS must be", line, StringComparison.Ordinal);
    }

    private sealed class Sample
    {
        [ConfigurationKeyName("SAMPLE_COUNT")] public int Count { get; set; } = 7;
        [ConfigurationKeyName("SAMPLE_LIMIT")] public int? Limit { get; set; }
        [ConfigurationKeyName("SAMPLE_ON")] public bool On { get; set; }
        [ConfigurationKeyName("SAMPLE_MODE")] public DayOfWeek Mode { get; set; }
        public string Unbound { get; private set; } = "default"; // not a setting: no public setter
    }

    public static TheoryData<string, string, string?> Cases => new()
    {
        // variable, value, the failure (null: accepted)
        { "SAMPLE_COUNT", "12", null },
        { "SAMPLE_COUNT", " 12 ", null },
        { "SAMPLE_COUNT", "12.5", "SAMPLE_COUNT must be a whole number (got \"12.5\")" },
        { "SAMPLE_COUNT", "", "SAMPLE_COUNT must be a whole number (got \"\")" },
        { "SAMPLE_LIMIT", "", null },
        { "SAMPLE_LIMIT", "x", "SAMPLE_LIMIT must be a whole number (got \"x\")" },
        { "SAMPLE_ON", "TRUE", null },
        { "SAMPLE_ON", "yes", "SAMPLE_ON must be true or false (got \"yes\")" },
        { "SAMPLE_MODE", "friday", null },
        { "SAMPLE_MODE", "someday", "SAMPLE_MODE must be one of Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday (got \"someday\")" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_value_of_the_wrong_type_is_a_failure_naming_the_variable(string key, string raw, string? failure)
    {
        var (_, errors) = Settings.Read<Sample>(k => k == key ? raw : null, _ => []);
        Assert.Equal(failure, errors.SingleOrDefault());
    }

    [Fact]
    public void Settings_are_bound_by_their_variable_names_and_other_properties_are_left_alone()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection([new("Unbound", "bound"), new("Count", "3"), new("SAMPLE_LIMIT", "4")]).Build();
        var o = new Sample();
        Settings.Bind(config, o);
        Assert.Equal(("default", 7, (int?)4), (o.Unbound, o.Count, o.Limit));
    }
}
