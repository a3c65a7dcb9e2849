using AvaOlo.AgriculturalCore.Assistant;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AvaOlo.AgriculturalCore.Tests.Assistant;

/// <summary>The assistant's settings, bound from the operators' variable names and validated as the service does at start.</summary>
public sealed class AssistantOptionsTests
{
    private static (AssistantOptions Options, ValidateOptionsResult Result) Bind(params string[] pairs)
    {
        var settings = pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]);
        var options = new AssistantOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().Bind(options);
        return (options, new AssistantOptionsValidator().Validate(null, options));
    }

    [Fact]
    public void Nothing_set_gives_the_documented_defaults()
    {
        var (o, result) = Bind();
        Assert.True(result.Succeeded);
        Assert.Equal("gpt-4", o.Model);
        Assert.Null(o.ApiKey);
        Assert.Null(o.BaseUrl);
        Assert.False(o.ModelConfigured);
        Assert.True(o.LlmFirst && o.CountryLocalization && o.ConstitutionalChecks);
        Assert.Equal(TimeSpan.FromSeconds(15), o.CallTimeout);
        Assert.Equal(TimeSpan.FromSeconds(25), o.Deadline);
        Assert.Equal(10_000, o.SelfTestMaxLatency);
    }

    // variable=value → the flag as the assistant reads it
    [Theory]
    [InlineData("ENABLE_LLM_FIRST=false", false)]
    [InlineData("ENABLE_LLM_FIRST=False", false)]
    [InlineData("ENABLE_LLM_FIRST=0", false)]
    [InlineData("ENABLE_LLM_FIRST=1", true)]
    [InlineData("ENABLE_LLM_FIRST=TRUE", true)]
    [InlineData("ENABLE_LLM_FIRST=", true)] // blank is the default
    public void Flags_accept_true_false_and_1_0(string setting, bool expected)
    {
        var (o, result) = Bind(setting);
        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(expected, o.LlmFirst);
    }

    [Theory]
    [InlineData("OPENAI_API_KEY=sk-abc", null, true)]
    [InlineData("OPENAI_BASE_URL=http://localhost:11434/v1", "http://localhost:11434/v1", true)]
    [InlineData("OPENAI_API_KEY=", null, false)]
    public void A_key_or_a_base_url_configures_the_model(string setting, string? baseUrl, bool configured)
    {
        var (o, _) = Bind(setting);
        Assert.Equal(baseUrl, o.BaseUrl?.ToString());
        Assert.Equal(configured, o.ModelConfigured);
    }

    [Theory]
    [InlineData("LLM_TIMEOUT_SECONDS=2.5", 2.5)]
    [InlineData("LLM_TIMEOUT_SECONDS=600", 600)]
    [InlineData("LLM_TIMEOUT_SECONDS=", 15)]
    public void Timeouts_are_seconds(string setting, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Bind(setting).Options.CallTimeout);

    // A bad value is one line that names the variable and what it got.
    [Theory]
    [InlineData("ENABLE_LLM_FIRST=yes", "ENABLE_LLM_FIRST must be true or false (got \"yes\")")]
    [InlineData("ENABLE_COUNTRY_LOCALIZATION=2", "ENABLE_COUNTRY_LOCALIZATION must be true or false (got \"2\")")]
    [InlineData("ENABLE_CONSTITUTIONAL_CHECKS=on", "ENABLE_CONSTITUTIONAL_CHECKS must be true or false (got \"on\")")]
    [InlineData("LLM_TIMEOUT_SECONDS=0", "LLM_TIMEOUT_SECONDS must be a number of seconds between 0 and 600 (got \"0\")")]
    [InlineData("LLM_DEADLINE_SECONDS=601", "LLM_DEADLINE_SECONDS must be a number of seconds between 0 and 600 (got \"601\")")]
    [InlineData("LLM_DEADLINE_SECONDS=soon", "LLM_DEADLINE_SECONDS must be a number of seconds between 0 and 600 (got \"soon\")")]
    [InlineData("OPENAI_BASE_URL=ftp://models.example", "OPENAI_BASE_URL must be an http(s) URL such as http://localhost:11434/v1")]
    [InlineData("OPENAI_BASE_URL=localhost:11434", "OPENAI_BASE_URL must be an http(s) URL such as http://localhost:11434/v1")]
    [InlineData("SELF_TEST_MAX_LATENCY_MS=-5", "SELF_TEST_MAX_LATENCY_MS must be a whole number of milliseconds above 0 (got \"-5\")")]
    public void Bad_values_are_named(string setting, string error)
    {
        var (_, result) = Bind(setting);
        Assert.True(result.Failed);
        Assert.Equal([error], result.Failures);
    }
}

/// <summary>
/// AddAssistant binds and validates the settings when the host starts (ValidateOnStart): the host's start-up validator
/// throws the failures, which HostRunner prints as one line naming each variable.
/// </summary>
public sealed class AssistantOptionsAtStartTests
{
    private static IStartupValidator Validator(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddAssistant();
        return services.BuildServiceProvider().GetRequiredService<IStartupValidator>();
    }

    [Fact]
    public void A_bad_setting_fails_the_start_naming_the_variable()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Validator(new() { ["ENABLE_LLM_FIRST"] = "maybe", ["LLM_DEADLINE_SECONDS"] = "25" }).Validate());
        Assert.Equal(["ENABLE_LLM_FIRST must be true or false (got \"maybe\")"], e.Failures);
    }

    [Fact]
    public void Good_settings_start() =>
        Validator(new() { ["ENABLE_LLM_FIRST"] = "0", ["OPENAI_BASE_URL"] = "http://localhost:11434/v1" }).Validate();
}
