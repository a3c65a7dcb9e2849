using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;

namespace AvaOlo.Testing;

/// <summary>
/// The one place tests make farmers and API keys, so that every project's fixtures describe the same people and a
/// key is made the way `avaolo create-api-key` makes one (a generated secret, only its hash stored).
/// </summary>
public static class TestRecords
{
    /// <summary>A Croatian wheat farmer (+385, language hr).</summary>
    public static Farmer Marko() => new() { Name = "Marko Horvat", Phone = "+385911234567", CountryCode = "HR", PreferredLanguage = "hr" };

    /// <summary>A Slovenian farmer (+386, language sl).</summary>
    public static Farmer Ana() => new() { Name = "Ana Novak", Phone = "+38640123456", CountryCode = "SI", PreferredLanguage = "sl" };

    /// <summary>Adds a key with these scopes (bound to the farmer when given) and returns its secret.</summary>
    public static Task<string> KeyAsync(AvaOloDbContext db, string name, int? farmerId, params string[] scopes) =>
        KeyAsync(db, name, farmerId, skipsReview: false, scopes);

    /// <summary>As above; <paramref name="skipsReview"/> is `create-api-key --no-review` (benchmark and self-test traffic).</summary>
    public static async Task<string> KeyAsync(AvaOloDbContext db, string name, int? farmerId, bool skipsReview, params string[] scopes)
    {
        var (key, prefix, hash) = ApiKeySecrets.Generate();
        db.ApiKeys.Add(new ApiKey { Name = name, Prefix = prefix, SecretHash = hash, FarmerId = farmerId, Scopes = scopes, SkipsReview = skipsReview, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return key;
    }
}
