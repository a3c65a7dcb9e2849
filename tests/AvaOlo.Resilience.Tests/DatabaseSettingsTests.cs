using AvaOlo.Testing;

namespace AvaOlo.Resilience.Tests;

/// <summary>The real process with a bad host list: it stops at start with one line naming every bad value.</summary>
[Collection(ResilienceCollection.Name)]
public sealed class DatabaseSettingsTests(TestDatabase db)
{
    [Fact]
    public async Task A_bad_host_list_stops_the_core_with_one_line_naming_each_bad_value()
    {
        var env = ServiceWithTestDatabase.Env(db, ("DB_HOST", "127.0.0.1:5441,,db2:99999"), ("DB_TARGET_SESSION_ATTRIBUTES", "writer"));
        await using var core = await CoreProcess.StartAsync(env, waitHealthy: false);
        Assert.True(await core.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the core kept running");
        Assert.Equal(2, core.ExitCode);
        var line = Assert.Single(core.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("configuration error", StringComparison.Ordinal));
        Assert.Contains("ava-olo-agricultural-core: configuration error: ", line, StringComparison.Ordinal);
        Assert.Contains("DB_HOST entry 2 is empty (a comma too many?)", line, StringComparison.Ordinal);
        Assert.Contains("DB_HOST entry 3 (\"db2:99999\"): the port must be a number between 1 and 65535", line, StringComparison.Ordinal);
        Assert.Contains("DB_TARGET_SESSION_ATTRIBUTES must be one of any, primary, standby, prefer-primary, prefer-standby, read-write, read-only (got \"writer\")", line, StringComparison.Ordinal);
    }
}
