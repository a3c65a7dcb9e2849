using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;

namespace AvaOlo.Security.Tests;

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<TestDatabase>
{
    public const string Name = "database";
}

/// <summary>Farmers A and B with a field, planting and task each, and a key of every kind.</summary>
public sealed record World(Farmer A, Farmer B, Field FieldA, Field FieldB, Planting PlantingA, Planting PlantingB, FarmTask TaskA, FarmTask TaskB,
    IReadOnlyDictionary<Who, string?> Keys)
{
    public static async Task<World> CreateAsync(TestDatabase database)
    {
        await database.ResetAsync();
        await using var db = database.CreateContext();
        var a = TestRecords.Marko();
        a.Email = "marko@example.hr";
        var b = TestRecords.Ana();
        b.Email = "ana.novak@example.si";
        db.Farmers.AddRange(a, b);
        await db.SaveChangesAsync();
        var fieldA = new Field { FarmerId = a.Id, Name = "Mota", AreaHa = 3.5m };
        var fieldB = new Field { FarmerId = b.Id, Name = "Njiva pri hiši", AreaHa = 0.82m };
        db.Fields.AddRange(fieldA, fieldB);
        await db.SaveChangesAsync();
        var (plantingA, taskA) = await RecordsAsync(db, fieldA);
        var (plantingB, taskB) = await RecordsAsync(db, fieldB);
        var keys = new Dictionary<Who, string?>
        {
            [Who.Anonymous] = null,
            [Who.FarmerA] = await TestRecords.KeyAsync(db, "farmer-a", a.Id, ApiScopes.FarmerDefault),
            [Who.FarmerB] = await TestRecords.KeyAsync(db, "farmer-b", b.Id, ApiScopes.FarmerDefault),
            [Who.Reader] = await TestRecords.KeyAsync(db, "reader", null, ApiScopes.RecordsRead),
            [Who.QueryOnly] = await TestRecords.KeyAsync(db, "whatsapp-gateway", null, ApiScopes.Query),
            [Who.Writer] = await TestRecords.KeyAsync(db, "writer", null, ApiScopes.RecordsRead, ApiScopes.RecordsWrite),
            [Who.Admin] = await TestRecords.KeyAsync(db, "admin", null, ApiScopes.Admin),
        };
        return new World(a, b, fieldA, fieldB, plantingA, plantingB, taskA, taskB, keys);
    }

    /// <summary>A planting and a done spraying on the field, as a farmer would have them.</summary>
    public static async Task<(Planting, FarmTask)> RecordsAsync(AvaOloDbContext db, Field field)
    {
        var planting = new Planting { FieldId = field.Id, FarmerId = field.FarmerId, CropName = "pšenica", SeasonYear = 2026, Status = "growing" };
        var task = new FarmTask { FarmerId = field.FarmerId, Type = "spraying", Status = FarmTaskStatus.Done, DoneOn = new DateOnly(2026, 4, 2) };
        task.Fields.Add(new TaskField { FieldId = field.Id });
        db.Plantings.Add(planting);
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return (planting, task);
    }
}

/// <summary>The kinds of caller of the core API.</summary>
public enum Who { Anonymous, FarmerA, FarmerB, Reader, QueryOnly, Writer, Admin }
