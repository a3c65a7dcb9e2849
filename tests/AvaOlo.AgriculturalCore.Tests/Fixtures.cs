using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;

namespace AvaOlo.AgriculturalCore.Tests;

[CollectionDefinition(TestDatabaseCollection.Name)]
public sealed class TestDatabaseCollection : ICollectionFixture<TestDatabase>
{
    public const string Name = "database";
}

/// <summary>Rows every API test needs: farmers A and B, and keys of each kind.</summary>
public sealed record World(Farmer A, Farmer B, Field FieldA, Field FieldB, string AdminKey, string KeyA, string KeyB, string ReadOnlyKey, string WriterKey)
{
    public static async Task<World> CreateAsync(TestDatabase database)
    {
        await database.ResetAsync();
        await using var db = database.CreateContext();
        var a = new Farmer { Name = "Marko Horvat", Phone = "+385911234567", CountryCode = "HR", PreferredLanguage = "hr" };
        var b = new Farmer { Name = "Ana Novak", Phone = "+38640123456", CountryCode = "SI", PreferredLanguage = "sl" };
        db.Farmers.AddRange(a, b);
        await db.SaveChangesAsync();
        var fieldA = new Field { FarmerId = a.Id, Name = "Mota", AreaHa = 3.5m };
        var fieldB = new Field { FarmerId = b.Id, Name = "Njiva pri hiši", AreaHa = 0.82m };
        db.Fields.AddRange(fieldA, fieldB);
        await db.SaveChangesAsync();
        return new World(a, b, fieldA, fieldB,
            await KeyAsync(db, "admin", null, ApiScopes.Admin),
            await KeyAsync(db, "farmer-a", a.Id, ApiScopes.FarmerDefault),
            await KeyAsync(db, "farmer-b", b.Id, ApiScopes.FarmerDefault),
            await KeyAsync(db, "reader", null, ApiScopes.RecordsRead),
            await KeyAsync(db, "writer", null, ApiScopes.RecordsRead, ApiScopes.RecordsWrite));
    }

    public static async Task<string> KeyAsync(AvaOloDbContext db, string name, int? farmerId, params string[] scopes)
    {
        var (key, prefix, hash) = ApiKeySecrets.Generate();
        db.ApiKeys.Add(new ApiKey { Name = name, Prefix = prefix, SecretHash = hash, FarmerId = farmerId, Scopes = scopes });
        await db.SaveChangesAsync();
        return key;
    }
}
