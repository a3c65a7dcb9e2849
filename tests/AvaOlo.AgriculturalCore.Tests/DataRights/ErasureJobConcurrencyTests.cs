using System.Net;
using AvaOlo.AgriculturalCore.DataRights;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.DataRights;

/// <summary>Two service instances run the erasure job at the same moment, as 25 would in production.</summary>
public sealed class ErasureJobConcurrencyTests(TestDatabase database) : DataRightsTestBase(database)
{
    [Fact]
    public async Task Two_instances_running_the_job_at_once_erase_each_farmer_exactly_once()
    {
        const int Farmers = 12;
        var ids = new List<int>();
        await using (var db = Database.CreateContext())
        {
            for (var i = 0; i < Farmers; i++)
            {
                var farmer = new Farmer { Name = $"Erasable {i}", Phone = $"+38641{300000 + i}", CountryCode = "SI" };
                db.Farmers.Add(farmer);
                await db.SaveChangesAsync();
                db.Fields.Add(new Field { FarmerId = farmer.Id, Name = $"Njiva {i}", AreaHa = 1 + i });
                await db.SaveChangesAsync();
                ids.Add(farmer.Id);
            }
        }
        foreach (var id in ids) await HttpAssert.Json(await Admin.DeleteAsync($"/api/v1/farmer/{id}?erase=true"), HttpStatusCode.Accepted);

        await using var second = new ServiceHost<Program>(Database, Settings);
        var runners = Enumerable.Range(0, 4).Select(i => JobAt(daysFromNow: 8, instance: i % 2 == 0 ? Factory : second)).ToList();
        var erased = await Task.WhenAll(runners.Select(r => Task.Run(() => r.RunDueAsync(default))));

        Assert.Equal(Farmers, erased.Sum());
        await using var check = Database.CreateContext();
        var eraseRows = await check.AuditLog.Where(a => a.Action == "erase").GroupBy(a => a.FarmerId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(ids.Order(), eraseRows.Select(r => r.Key!.Value).Order());
        Assert.All(eraseRows, r => Assert.Equal(1, r.Count));
        Assert.All(await check.ErasureRequests.ToListAsync(), r => Assert.Equal(ErasureStatus.Executed, r.Status));
        Assert.False(await check.Farmers.IgnoreQueryFilters().AnyAsync(f => ids.Contains(f.Id)));
        Assert.Equal(2, await check.Farmers.CountAsync()); // A and B of the world are untouched
        Assert.Equal(0, await JobAt(daysFromNow: 9, instance: second).RunDueAsync(default));
    }
}
