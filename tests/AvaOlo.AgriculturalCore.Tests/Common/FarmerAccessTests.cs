using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.Common;

/// <summary>The one ownership check of fields, plantings and tasks, on each of them.</summary>
[Collection(TestDatabaseCollection.Name)]
public sealed class FarmerAccessTests(TestDatabase database)
{
    private static Caller FarmerKey(int farmerId) => new(1, "farmer", farmerId, new HashSet<string> { ApiScopes.RecordsRead });

    private static readonly Caller IntegrationKey = new(2, "integration", null, new HashSet<string> { ApiScopes.RecordsRead });

    [Fact]
    public async Task A_record_is_found_only_for_a_caller_who_may_see_its_living_farmer()
    {
        var w = await World.CreateAsync(database);
        await using var db = database.CreateContext();
        var planting = new Planting { FarmerId = w.B.Id, FieldId = w.FieldB.Id, CropName = "ječam", SeasonYear = 2026, Status = PlantingStatus.Growing };
        var task = new FarmTask { FarmerId = w.B.Id, Type = "tillage", Status = FarmTaskStatus.Planned };
        db.AddRange(planting, task);
        await db.SaveChangesAsync();

        async Task<bool> Found<T>(IQueryable<T> records, Caller caller, int id) where T : class, IFarmerOwned =>
            await records.FindOwnedAsync(db, caller, id, default) is { } found && found.Id == id;
        (string Kind, Func<Caller, Task<bool>> Find)[] records =
        [
            ("field", c => Found(db.Fields.AsNoTracking(), c, w.FieldB.Id)),
            ("planting", c => Found(db.Plantings.AsNoTracking(), c, planting.Id)),
            ("task", c => Found(db.Tasks.AsNoTracking(), c, task.Id)),
        ];
        foreach (var (kind, find) in records)
        {
            Assert.True(await find(FarmerKey(w.B.Id)), $"{kind}: its own farmer's key finds it");
            Assert.True(await find(IntegrationKey), $"{kind}: an integration key finds it");
            Assert.False(await find(FarmerKey(w.A.Id)), $"{kind}: another farmer's key does not");
        }
        Assert.Null(await db.Fields.FindOwnedAsync(db, IntegrationKey, 999_999, default));

        // A soft-deleted farmer's records are gone for everyone.
        await db.Farmers.Where(f => f.Id == w.B.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.DeletedAt, DateTimeOffset.UtcNow));
        foreach (var (kind, find) in records)
        {
            Assert.False(await find(IntegrationKey), $"{kind}: a deleted farmer's record is not found");
            Assert.False(await find(FarmerKey(w.B.Id)), $"{kind}: not even with the deleted farmer's key");
        }
    }
}
