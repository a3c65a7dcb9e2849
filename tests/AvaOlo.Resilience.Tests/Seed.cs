using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;

namespace AvaOlo.Resilience.Tests;

[CollectionDefinition(Name)]
public sealed class ResilienceCollection : ICollectionFixture<TestDatabase>
{
    // One collection: these tests start processes and load the machine, so they run one at a time.
    public const string Name = "resilience";
}

/// <summary>A farmer with a field, and keys: the farmer's own and an admin's.</summary>
public sealed record Seeded(int FarmerId, string FarmerKey, string AdminKey)
{
    public static async Task<Seeded> CreateAsync(AvaOloDbContext db)
    {
        var farmer = TestRecords.Marko();
        db.Farmers.Add(farmer);
        await db.SaveChangesAsync();
        db.Fields.Add(new Field { FarmerId = farmer.Id, Name = "Mota", AreaHa = 3.5m });
        await db.SaveChangesAsync();
        return new(farmer.Id, await TestRecords.KeyAsync(db, "farmer", farmer.Id, ApiScopes.FarmerDefault), await TestRecords.KeyAsync(db, "admin", null, ApiScopes.Admin));
    }
}
