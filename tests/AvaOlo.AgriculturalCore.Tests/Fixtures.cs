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
        var a = TestRecords.Marko();
        var b = TestRecords.Ana();
        db.Farmers.AddRange(a, b);
        await db.SaveChangesAsync();
        var fieldA = new Field { FarmerId = a.Id, Name = "Mota", AreaHa = 3.5m };
        var fieldB = new Field { FarmerId = b.Id, Name = "Njiva pri hiši", AreaHa = 0.82m };
        db.Fields.AddRange(fieldA, fieldB);
        await db.SaveChangesAsync();
        return new World(a, b, fieldA, fieldB,
            await TestRecords.KeyAsync(db, "admin", null, ApiScopes.Admin),
            await TestRecords.KeyAsync(db, "farmer-a", a.Id, ApiScopes.FarmerDefault),
            await TestRecords.KeyAsync(db, "farmer-b", b.Id, ApiScopes.FarmerDefault),
            await TestRecords.KeyAsync(db, "reader", null, ApiScopes.RecordsRead),
            await TestRecords.KeyAsync(db, "writer", null, ApiScopes.RecordsRead, ApiScopes.RecordsWrite));
    }
}
