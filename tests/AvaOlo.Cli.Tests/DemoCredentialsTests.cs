using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace AvaOlo.Cli.Tests;

[Collection("database")]
public sealed class DemoCredentialsTests(TestDatabase db) : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"avaolo-demo-{Guid.NewGuid():N}", "demo.env");

    public async Task InitializeAsync()
    {
        await db.ResetAsync();
        Assert.Equal(0, (await CliRun.RunAsync(db, "seed", "--farmers", "10")).ExitCode);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Writes_working_credentials_and_keeps_them_on_a_second_run()
    {
        var first = await CliRun.RunAsync(db, "demo-credentials", "--out", _file);
        var content = await File.ReadAllTextAsync(_file);
        var second = await CliRun.RunAsync(db, "demo-credentials", "--out", _file);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(content, await File.ReadAllTextAsync(_file));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_file));

        var values = Parse(content);
        foreach (var secret in new[] { values["AVAOLO_DEMO_API_KEY"], values["AVAOLO_DEMO_FARMER_KEY"], values["AVAOLO_DEMO_PASSWORD"] })
            Assert.DoesNotContain(secret, first.Out + first.Err + second.Out + second.Err, StringComparison.Ordinal);
        await using var ctx = db.CreateContext();
        var croatian = await ctx.Farmers.SingleAsync(f => f.Phone == "+385981234567");
        Assert.Equal(croatian.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), values["AVAOLO_DEMO_FARMER_ID"]);
        var admin = await KeyAsync(ctx, values["AVAOLO_DEMO_API_KEY"]);
        Assert.Equal((null, "demo-admin"), (admin.FarmerId, admin.Name));
        Assert.Contains(ApiScopes.Admin, admin.Scopes);
        var farmerKey = await KeyAsync(ctx, values["AVAOLO_DEMO_FARMER_KEY"]);
        Assert.Equal(croatian.Id, farmerKey.FarmerId);
        Assert.Equal(2, await ctx.ApiKeys.CountAsync());
        var user = await ctx.Users.SingleAsync(u => u.Username == values["AVAOLO_DEMO_USER"]);
        Assert.Equal("admin", user.Role);
        Assert.NotEqual(PasswordVerificationResult.Failed,
            new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash, values["AVAOLO_DEMO_PASSWORD"]));
    }

    [Fact]
    public async Task Replaces_credentials_that_no_longer_verify_and_revokes_the_old_keys()
    {
        Assert.Equal(0, (await CliRun.RunAsync(db, "demo-credentials", "--out", _file)).ExitCode);
        var before = Parse(await File.ReadAllTextAsync(_file));
        await File.WriteAllTextAsync(_file, (await File.ReadAllTextAsync(_file)).Replace(before["AVAOLO_DEMO_PASSWORD"], "wrong-password-123", StringComparison.Ordinal));

        var run = await CliRun.RunAsync(db, "demo-credentials", "--out", _file);

        Assert.True(run.ExitCode == 0, run.ToString());
        var after = Parse(await File.ReadAllTextAsync(_file));
        Assert.NotEqual(before["AVAOLO_DEMO_PASSWORD"], after["AVAOLO_DEMO_PASSWORD"]);
        Assert.Equal(before["AVAOLO_DEMO_API_KEY"], after["AVAOLO_DEMO_API_KEY"]); // still valid: kept

        File.Delete(_file); // lost file: everything is replaced and the old keys stop working
        Assert.Equal(0, (await CliRun.RunAsync(db, "demo-credentials", "--out", _file)).ExitCode);
        var fresh = Parse(await File.ReadAllTextAsync(_file));
        Assert.NotEqual(before["AVAOLO_DEMO_API_KEY"], fresh["AVAOLO_DEMO_API_KEY"]);
        await using var ctx = db.CreateContext();
        Assert.NotNull((await KeyAsync(ctx, before["AVAOLO_DEMO_API_KEY"])).RevokedAt);
        Assert.Null((await KeyAsync(ctx, fresh["AVAOLO_DEMO_API_KEY"])).RevokedAt);
        Assert.Equal(2, await ctx.ApiKeys.CountAsync(k => k.RevokedAt == null));
    }

    private static async Task<ApiKey> KeyAsync(AvaOloDbContext ctx, string key)
    {
        var row = await ctx.ApiKeys.SingleAsync(k => k.Prefix == ApiKeySecrets.PrefixOf(key));
        Assert.True(ApiKeySecrets.Matches(key, row.SecretHash));
        return row;
    }

    private static Dictionary<string, string> Parse(string content) =>
        content.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
