using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace AvaOlo.Cli.Tests;

[Collection("database")]
public sealed class AccessTests(TestDatabase db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Create_user_prints_a_generated_password_once_and_stores_only_its_hash()
    {
        var run = await CliRun.RunAsync(db, "create-user", "--username", "Ana@Example.COM", "--role", "agronomist", "--display-name", "Ana Novak");

        Assert.True(run.ExitCode == 0, run.ToString());
        var password = run.Out.Trim();
        Assert.True(password.Length >= 20, password);
        Assert.DoesNotContain(password, run.Err, StringComparison.Ordinal);
        await using var ctx = db.CreateContext();
        var user = await ctx.Users.SingleAsync();
        Assert.Equal(("ana@example.com", "agronomist", "Ana Novak"), (user.Username, user.Role, user.DisplayName));
        Assert.NotEqual(password, user.PasswordHash);
        var hasher = new PasswordHasher<User>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(user, user.PasswordHash, password));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(user, user.PasswordHash, password + "x"));
    }

    [Fact]
    public async Task Existing_username_is_exit_5_unless_the_password_is_reset()
    {
        Assert.Equal(0, (await CliRun.RunAsync(db, "create-user", "--username", "boss", "--role", "business")).ExitCode);

        var again = await CliRun.RunAsync(db, "create-user", "--username", "BOSS", "--role", "business");
        var reset = await CliRun.RunAsync(db.Environment(), "correct horse battery staple\n",
            "create-user", "--username", "boss", "--role", "admin", "--password-stdin", "--reset-password");

        Assert.Equal(ExitCodes.AlreadyExists, again.ExitCode);
        Assert.Contains("--reset-password", Assert.Single(again.ErrLines), StringComparison.Ordinal);
        Assert.True(reset.ExitCode == 0, reset.ToString());
        Assert.Equal("", reset.Out);
        await using var ctx = db.CreateContext();
        var user = await ctx.Users.SingleAsync();
        Assert.Equal("admin", user.Role);
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash, "correct horse battery staple"));
    }

    [Theory]
    [InlineData("--role", "farmer")]
    [InlineData("--username", "a b")]
    public async Task Invalid_user_input_is_one_line_and_nonzero(string option, string value)
    {
        var args = new Dictionary<string, string> { ["--username"] = "someone", ["--role"] = "admin", [option] = value };
        var run = await CliRun.RunAsync(db, ["create-user", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Single(run.ErrLines);
        await using var ctx = db.CreateContext();
        Assert.Equal(0, await ctx.Users.CountAsync());
    }

    [Fact]
    public async Task Farmer_bound_key_gets_the_farmer_default_scopes_and_its_hash_matches_the_printed_key()
    {
        var farmer = await AddFarmerAsync();

        var run = await CliRun.RunAsync(db, "create-api-key", "--name", "whatsapp", "--farmer", farmer.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(run.ExitCode == 0, run.ToString());
        var key = run.Out.Trim();
        Assert.DoesNotContain(key, run.Err, StringComparison.Ordinal);
        await using var ctx = db.CreateContext();
        var row = await ctx.ApiKeys.SingleAsync();
        Assert.Equal(ApiKeySecrets.PrefixOf(key), row.Prefix);
        Assert.True(ApiKeySecrets.Matches(key, row.SecretHash));
        Assert.Equal(ApiScopes.FarmerDefault, row.Scopes);
        Assert.Equal(farmer, row.FarmerId);
    }

    [Fact]
    public async Task Unbound_key_defaults_to_records_read_and_accepts_explicit_scopes()
    {
        var plain = await CliRun.RunAsync(db, "create-api-key", "--name", "reporting");
        var admin = await CliRun.RunAsync(db, "create-api-key", "--name", "ops", "--scopes", "admin,query");

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, admin.ExitCode);
        await using var ctx = db.CreateContext();
        var keys = await ctx.ApiKeys.OrderBy(k => k.Id).ToListAsync();
        Assert.Equal([ApiScopes.RecordsRead], keys[0].Scopes);
        Assert.Equal([ApiScopes.Admin, ApiScopes.Query], keys[1].Scopes);
    }

    [Fact]
    public async Task No_review_keys_are_marked_so_their_exchanges_skip_the_review_queue()
    {
        var bench = await CliRun.RunAsync(db, "create-api-key", "--name", "load-test", "--scopes", "query", "--no-review");
        var plain = await CliRun.RunAsync(db, "create-api-key", "--name", "gateway", "--scopes", "query");

        Assert.Equal((0, 0), (bench.ExitCode, plain.ExitCode));
        await using var ctx = db.CreateContext();
        Assert.Equal([("load-test", true), ("gateway", false)], (await ctx.ApiKeys.OrderBy(k => k.Id).ToListAsync()).Select(k => (k.Name, k.SkipsReview)));
    }

    [Theory]
    [InlineData("--farmer", "999999", "no such farmer")]
    [InlineData("--scopes", "records:read,everything", "unknown scope")]
    public async Task Bad_key_requests_fail_with_a_clear_message_and_store_nothing(string option, string value, string message)
    {
        var run = await CliRun.RunAsync(db, "create-api-key", "--name", "x", option, value);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, Assert.Single(run.ErrLines), StringComparison.Ordinal);
        Assert.Equal("", run.Out);
        await using var ctx = db.CreateContext();
        Assert.Equal(0, await ctx.ApiKeys.CountAsync());
    }

    [Fact]
    public async Task Deleted_farmer_cannot_get_a_key()
    {
        var farmer = await AddFarmerAsync(deleted: true);

        var run = await CliRun.RunAsync(db, "create-api-key", "--name", "x", "--farmer", farmer.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
    }

    private async Task<int> AddFarmerAsync(bool deleted = false)
    {
        await using var ctx = db.CreateContext();
        var farmer = new Farmer { Name = "Test", Phone = "+38640123456", CountryCode = "SI", DeletedAt = deleted ? DateTimeOffset.UtcNow : null };
        ctx.Farmers.Add(farmer);
        await ctx.SaveChangesAsync();
        return farmer.Id;
    }
}
