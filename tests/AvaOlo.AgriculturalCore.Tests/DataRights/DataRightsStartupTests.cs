using System.Diagnostics;
using AvaOlo.Testing;

namespace AvaOlo.AgriculturalCore.Tests.DataRights;

/// <summary>A bad data-rights setting stops the service at start with one line naming it, as a container would see it.</summary>
[Collection(TestDatabaseCollection.Name)]
public sealed class DataRightsStartupTests(TestDatabase database)
{
    [Theory]
    [InlineData("ERASURE_GRACE_DAYS", "60")]
    [InlineData("CONVERSATION_RETENTION_DAYS", "a year")]
    public async Task A_bad_setting_stops_the_service_with_one_line_naming_it(string setting, string value)
    {
        // The core's build output sits beside the tests (a project reference); run it as the process a container runs.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AvaOlo.AgriculturalCore.dll"));
        foreach (var (k, v) in database.Environment()) start.Environment[k] = v;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment[setting] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }

        var error = (await stderr).Trim();
        Assert.True(process.ExitCode == 2, $"exit code {process.ExitCode}: {error} {await stdout}");
        var line = Assert.Single(error.Split('\n'));
        Assert.StartsWith("ava-olo-agricultural-core: configuration error: ", line, StringComparison.Ordinal);
        Assert.Contains($"{setting} must be a whole number of days", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await stdout, StringComparison.Ordinal);
    }
}
