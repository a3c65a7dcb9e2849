using System.CommandLine;
using System.Globalization;
using AvaOlo.Cli.Seeding;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.Cli.Commands;

/// <summary>
/// `avaolo demo-credentials --out FILE`: the keys and login run.sh prints for a demo. Idempotent: credentials
/// in FILE that still verify against the database are kept; anything stale (fresh database, lost file) is
/// revoked and replaced. Secrets go only to FILE (mode 600), never to the console.
/// </summary>
internal static class DemoCredentialsCommand
{
    public const string AdminKeyName = "demo-admin";
    public const string FarmerKeyName = "demo-farmer";
    public const string DemoUser = "admin@avaolo.local";

    public static Command Create(CliContext ctx)
    {
        var output = new Option<FileInfo>("--out") { Description = "File to keep the demo credentials in (KEY=VALUE lines, mode 600)", Required = true };
        var command = new Command("demo-credentials",
            $"Ensure a demo admin API key ({AdminKeyName}), a key bound to the Croatian wheat demo farmer ({FarmerKeyName}) and a " +
            $"dashboard admin login ({DemoUser}); write them to --out. Keeps credentials that still verify.")
        { output };
        command.SetAction((parse, ct) => ctx.RunAsync(async (options, token) =>
        {
            var file = parse.GetValue(output)!;
            await using var dataSource = CliContext.OpenDataSource(options);
            await CliContext.RequireCurrentSchemaAsync(dataSource, token);
            await using var db = ctx.CreateContext(dataSource);
            var now = ctx.Clock.GetUtcNow();

            var farmer = await db.Farmers.Where(f => f.Phone == FixedFarmers.CroatianWheatPhone && f.DeletedAt == null)
                .Select(f => (int?)f.Id).SingleOrDefaultAsync(token)
                ?? throw new CliException(ExitCodes.InvalidInput,
                    $"the Croatian wheat demo farmer ({FixedFarmers.CroatianWheatPhone}) is not in the database; run `avaolo seed` first");
            var have = DemoFile.Read(file.FullName);
            var farmerText = farmer.ToString(CultureInfo.InvariantCulture);

            var adminKey = await ValidKeyAsync(db, have.GetValueOrDefault(DemoFile.ApiKey), AdminKeyName, null, now, token);
            var farmerKey = have.GetValueOrDefault(DemoFile.FarmerId) == farmerText
                ? await ValidKeyAsync(db, have.GetValueOrDefault(DemoFile.FarmerKey), FarmerKeyName, farmer, now, token) : null;
            var password = have.GetValueOrDefault(DemoFile.User) == DemoUser
                ? await ValidPasswordAsync(db, have.GetValueOrDefault(DemoFile.Password), token) : null;
            var kept = adminKey is not null && farmerKey is not null && password is not null;

            if (adminKey is null)
            {
                await RevokeAsync(db, AdminKeyName, now, token);
                adminKey = (await CreateApiKeyCommand.AddAsync(db, AdminKeyName, [ApiScopes.Admin], null, now, false, token)).Key;
            }
            if (farmerKey is null)
            {
                await RevokeAsync(db, FarmerKeyName, now, token);
                farmerKey = (await CreateApiKeyCommand.AddAsync(db, FarmerKeyName, [.. ApiScopes.FarmerDefault], farmer, now, false, token)).Key;
            }
            if (password is null)
            {
                password = Secrets.NewPassword();
                await CreateUserCommand.UpsertAsync(db, DemoUser, UserRoles.Admin, "Demo admin", password, reset: true, now, token);
                await db.Users.Where(u => u.Username == DemoUser).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, (DateTimeOffset?)null), token);
            }

            DemoFile.Write(file.FullName, [
                (DemoFile.ApiKey, adminKey), (DemoFile.FarmerKey, farmerKey), (DemoFile.FarmerId, farmerText),
                (DemoFile.User, DemoUser), (DemoFile.Password, password),
            ]);
            ctx.Out.WriteLine(kept
                ? $"demo credentials in {file.FullName} still verify; kept them"
                : $"wrote demo credentials to {file.FullName} (admin key {ApiKeySecrets.PrefixOf(adminKey)}…, farmer {farmer} key {ApiKeySecrets.PrefixOf(farmerKey)}…, login {DemoUser})");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    /// <summary>The presented key when it is the live key of that name (and farmer), else null.</summary>
    private static async Task<string?> ValidKeyAsync(AvaOloDbContext db, string? key, string name, int? farmerId, DateTimeOffset now, CancellationToken ct)
    {
        if (ApiKeySecrets.PrefixOf(key) is not { } prefix) return null;
        var row = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, ct);
        var valid = row is { RevokedAt: null } && row.Name == name && row.FarmerId == farmerId
            && (row.ExpiresAt is null || row.ExpiresAt > now) && ApiKeySecrets.Matches(key!, row.SecretHash);
        return valid ? key : null;
    }

    private static async Task<string?> ValidPasswordAsync(AvaOloDbContext db, string? password, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password)) return null;
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Username == DemoUser, ct);
        if (user is not { DisabledAt: null, Role: UserRoles.Admin }) return null;
        return new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : password;
    }

    private static async Task RevokeAsync(AvaOloDbContext db, string name, DateTimeOffset now, CancellationToken ct)
    {
        var live = await db.ApiKeys.Where(k => k.Name == name && k.RevokedAt == null).ToListAsync(ct);
        foreach (var key in live)
        {
            key.RevokedAt = now;
            db.AuditLog.Add(Secrets.Audit(now, "api_key", key.Id.ToString(CultureInfo.InvariantCulture), "revoke", new { key.Name, key.Prefix }, key.FarmerId));
        }
        await db.SaveChangesAsync(ct);
    }
}
