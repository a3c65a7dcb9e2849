using AvaOlo.Testing;

namespace AvaOlo.Resilience.Tests.WhatsApp;

/// <summary>The real process with a half-configured WhatsApp provider: it stops at start with one line naming what is missing.</summary>
[Collection(ResilienceCollection.Name)]
public sealed class ConfigurationTests(TestDatabase db)
{
    [Theory]
    [InlineData("WHATSAPP_ACCESS_TOKEN", "WHATSAPP_ACCESS_TOKEN is not set (the WhatsApp Cloud API channel needs")]
    [InlineData("TWILIO_AUTH_TOKEN", "TWILIO_AUTH_TOKEN is not set (the Twilio WhatsApp channel needs")]
    public async Task A_half_configured_provider_stops_the_core_with_one_line_naming_the_missing_variable(string missing, string expected)
    {
        var env = ServiceWithTestDatabase.Env(db,
            ("WHATSAPP_APP_SECRET", "s"), ("WHATSAPP_VERIFY_TOKEN", "v"), ("WHATSAPP_ACCESS_TOKEN", "a"), ("WHATSAPP_PHONE_NUMBER_ID", "1"),
            ("TWILIO_ACCOUNT_SID", "AC1"), ("TWILIO_AUTH_TOKEN", "t"), ("TWILIO_WHATSAPP_NUMBER", "+14155238886"));
        env.Remove(missing);
        await using var core = await CoreProcess.StartAsync(env, waitHealthy: false);
        Assert.True(await core.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the core kept running");
        Assert.Equal(2, core.ExitCode);
        var line = Assert.Single(core.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("configuration error", StringComparison.Ordinal));
        Assert.Contains($"ava-olo-agricultural-core: configuration error: {expected}", line);
    }
}
