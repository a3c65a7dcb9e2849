using System.CommandLine;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.Cli.Commands;

/// <summary>`avaolo create-api-key`: a new key, shown once on stdout; only its prefix and SHA-256 are stored.</summary>
internal static class CreateApiKeyCommand
{
    public static Command Create(CliContext ctx)
    {
        var name = new Option<string>("--name") { Description = "What the key is for, e.g. \"whatsapp-gateway\"", Required = true };
        var farmer = new Option<int?>("--farmer") { Description = "Bind the key to this farmer id: it can only ever see or change that farmer's records" };
        var scopes = new Option<string?>("--scopes")
        {
            Description = $"Comma-separated scopes from {string.Join(", ", ApiScopes.All)} (default: {string.Join(",", ApiScopes.FarmerDefault)} with --farmer, else {ApiScopes.RecordsRead})",
        };
        var noReview = new Option<bool>("--no-review")
        {
            Description = "Keep this key's exchanges out of the agronomists' review queue (benchmark and load traffic); they are still stored",
        };
        var command = new Command("create-api-key", "Create an API key and print it once on stdout.") { name, farmer, scopes, noReview };
        command.SetAction((parse, ct) => ctx.RunAsync(async (options, token) =>
        {
            var keyName = (parse.GetValue(name) ?? "").Trim();
            if (keyName.Length is 0 or > 200) throw new CliException(ExitCodes.InvalidInput, "--name must be 1–200 characters");
            var farmerId = parse.GetValue(farmer);
            var granted = ParseScopes(parse.GetValue(scopes), farmerId is not null);

            await using var dataSource = CliContext.OpenDataSource(options);
            await CliContext.RequireCurrentSchemaAsync(dataSource, token);
            await using var db = ctx.CreateContext(dataSource);
            if (farmerId is { } id && !await db.Farmers.AnyAsync(f => f.Id == id && f.DeletedAt == null, token))
                throw new CliException(ExitCodes.InvalidInput, $"--farmer {id}: no such farmer (or the farmer was deleted)");

            var skipsReview = parse.GetValue(noReview);
            var (key, row) = await AddAsync(db, keyName, granted, farmerId, ctx.Clock.GetUtcNow(), skipsReview, token);
            ctx.Progress($"created API key '{keyName}' ({row.Prefix}; scopes {string.Join(",", granted)}{(farmerId is null ? "" : $"; farmer {farmerId}")}{(skipsReview ? "; not reviewed" : "")}); it is shown once:");
            if (granted.Contains(ApiScopes.QueryOnBehalf, StringComparer.Ordinal))
                ctx.Progress($"WARNING: {ApiScopes.QueryOnBehalf} lets this key ask the assistant as ANY farmer (by id or phone): give it only to a trusted gateway and keep it secret");
            ctx.Out.WriteLine(key);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    public static string[] ParseScopes(string? text, bool farmerBound)
    {
        if (string.IsNullOrWhiteSpace(text)) return farmerBound ? [.. ApiScopes.FarmerDefault] : [ApiScopes.RecordsRead];
        var scopes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
        var unknown = scopes.Where(s => !ApiScopes.All.Contains(s, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
            throw new CliException(ExitCodes.InvalidInput, $"--scopes: unknown scope(s) {string.Join(", ", unknown)}; known: {string.Join(", ", ApiScopes.All)}");
        if (scopes.Length == 0) throw new CliException(ExitCodes.InvalidInput, "--scopes: give at least one scope");
        if (farmerBound && scopes.FirstOrDefault(s => ApiScopes.NeverForFarmerKeys.Contains(s, StringComparer.Ordinal)) is { } reaching)
            throw new CliException(ExitCodes.InvalidInput, $"--scopes: a farmer-bound key cannot have the {reaching} scope (it reaches other farmers)");
        return scopes;
    }

    /// <summary>Stores a fresh key and returns the secret; shared with demo-credentials.</summary>
    public static async Task<(string Key, ApiKey Row)> AddAsync(
        AvaOloDbContext db, string name, string[] scopes, int? farmerId, DateTimeOffset now, bool skipsReview, CancellationToken ct)
    {
        var (key, prefix, hash) = ApiKeySecrets.Generate();
        var row = new ApiKey { Name = name, Prefix = prefix, SecretHash = hash, Scopes = scopes, FarmerId = farmerId, CreatedAt = now, SkipsReview = skipsReview };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(ct);
        db.AuditLog.Add(Secrets.Audit(now, "api_key", row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "create",
            new { row.Name, row.Prefix, row.Scopes, row.FarmerId, row.SkipsReview }, farmerId));
        await db.SaveChangesAsync(ct);
        return (key, row);
    }
}
