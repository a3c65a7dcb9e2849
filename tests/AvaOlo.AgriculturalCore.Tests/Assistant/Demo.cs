using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.Assistant;

/// <summary>The real `avaolo seed` demo data, plus API keys for its test farmers.</summary>
public sealed record Demo(int Mango, int Tomato, int HungarianInCroatia, int CroatianWheat, string AdminKey, string MangoKey, string WheatKey, string QueryKey)
{
    public static async Task<Demo> CreateAsync(TestDatabase database)
    {
        await database.ResetAsync();
        var output = new StringWriter();
        var exit = await AvaOlo.Cli.Cli.RunAsync(["seed", "--farmers", "12"], output, output, database.Environment());
        Assert.True(exit == 0, $"avaolo seed failed: {output}");
        await using var db = database.CreateContext();
        async Task<int> Id(string phone) => (await db.Farmers.SingleAsync(f => f.Phone == phone)).Id;
        var mango = await Id(DemoFarmers.BulgarianMangoPhone);
        var wheat = await Id(DemoFarmers.CroatianWheatPhone);
        return new Demo(mango, await Id(DemoFarmers.SlovenianTomatoPhone), await Id(DemoFarmers.HungarianInCroatiaPhone), wheat,
            await TestRecords.KeyAsync(db, "admin", null, ApiScopes.Admin),
            await TestRecords.KeyAsync(db, "mango", mango, ApiScopes.FarmerDefault),
            await TestRecords.KeyAsync(db, "wheat", wheat, ApiScopes.FarmerDefault),
            await TestRecords.KeyAsync(db, "whatsapp-gateway", null, ApiScopes.Query, ApiScopes.QueryOnBehalf));
    }
}
