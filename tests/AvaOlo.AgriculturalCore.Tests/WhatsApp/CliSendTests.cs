using AvaOlo.Testing;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>`avaolo whatsapp send` as README gives it: a signed webhook into the running core, the stand-in's reply printed.</summary>
public sealed class CliSendTests(TestDatabase database) : WhatsAppTestBase(database)
{
    private async Task<(int Code, string Out, string Err)> RunAsync(Dictionary<string, string> env, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Cli.Cli.RunAsync([.. args, "--env-file", "/nonexistent/demo.env"], stdout, stderr, env);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private Dictionary<string, string> Env => new()
    {
        ["WHATSAPP_APP_SECRET"] = AppSecret, ["WHATSAPP_PHONE_NUMBER_ID"] = PhoneNumberId,
        ["AVAOLO_CORE_URL"] = Factory.BaseAddress.ToString(), ["WHATSAPP_STANDIN_URL"] = Meta.Address.ToString(),
    };

    [Fact]
    public async Task Send_prints_the_reply_the_stand_in_received()
    {
        var (code, output, err) = await RunAsync(Env, "whatsapp", "send", "--from", "+385911234567", "Koliko je karenca za Prosaro u pšenici?");
        Assert.True(code == 0, err);
        Assert.Contains("42 dana", output);
        Assert.Contains("waiting up to 60 s", err);
        Assert.Single(Meta.Received);
    }

    [Fact]
    public async Task Send_says_clearly_what_is_missing_or_wrong()
    {
        var noSecret = Env;
        noSecret.Remove("WHATSAPP_APP_SECRET");
        var (code, _, err) = await RunAsync(noSecret, "whatsapp", "send", "--from", "+385911234567", "Dobar dan");
        Assert.Equal((2, "avaolo: WHATSAPP_APP_SECRET is not set: run ./run.sh (it writes them to .avaolo/demo.env) or export them\n"), (code, err.ReplaceLineEndings("\n")));

        (code, _, err) = await RunAsync(Env, "whatsapp", "send", "--from", "0911234567", "Dobar dan");
        Assert.Equal(1, code);
        Assert.Contains("--from must be in international format", err);

        var wrongSecret = Env;
        wrongSecret["WHATSAPP_APP_SECRET"] = "not-the-secret";
        (code, _, err) = await RunAsync(wrongSecret, "whatsapp", "send", "--from", "+385911234567", "Dobar dan");
        Assert.Equal(1, code);
        Assert.Contains("the core answered 401", err);

        var nobody = Env;
        nobody["WHATSAPP_STANDIN_URL"] = "http://127.0.0.1:9/";
        (code, _, err) = await RunAsync(nobody, "whatsapp", "send", "--from", "+385911234567", "Dobar dan", "--timeout", "5");
        Assert.Equal(3, code);
        Assert.Contains("the stand-in at http://127.0.0.1:9/ is not reachable", err);
    }
}
