using AvaOlo.AgriculturalCore.Assistant.Checks;
using AvaOlo.AgriculturalCore.Assistant.FarmFacts;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Tests.Assistant;

/// <summary>The query path's hand-written SQL reads the same rows as the EF definitions it replaces.</summary>
public sealed class QueryPathSqlTests(TestDatabase database) : AssistantTestBase(database)
{
    [Fact]
    public async Task Plantings_in_season_by_sql_are_the_rows_of_the_ef_InSeason_predicate()
    {
        await using var db = Database.CreateContext();
        // Carry-over cases beside the demo data: harvested, failed and still-growing plantings of earlier seasons.
        var field = await db.Fields.FirstAsync(f => f.FarmerId == D.CroatianWheat);
        db.Plantings.AddRange(
            new Planting { FarmerId = D.CroatianWheat, FieldId = field.Id, CropName = "lucerna", SeasonYear = 2023, Status = PlantingStatus.Growing },
            new Planting { FarmerId = D.CroatianWheat, FieldId = field.Id, CropName = "ječam", SeasonYear = 2024, Status = PlantingStatus.Harvested, HarvestedOn = new DateOnly(2024, 7, 1) },
            new Planting { FarmerId = D.CroatianWheat, FieldId = field.Id, CropName = "uljana repica", SeasonYear = 2024, Status = PlantingStatus.Failed },
            new Planting { FarmerId = D.CroatianWheat, FieldId = field.Id, CropName = "kukuruz", SeasonYear = 2027, Status = PlantingStatus.Planned });
        await db.SaveChangesAsync();

        await using var scope = Factory.Services.CreateAsyncScope();
        var knowledge = scope.ServiceProvider.GetRequiredService<FarmFactReader>();
        foreach (var farmer in new[] { D.CroatianWheat, D.Mango, D.Tomato, D.HungarianInCroatia })
        foreach (var year in new[] { 2024, 2025, 2026, 2027 })
        {
            var expected = await db.Plantings.AsNoTracking().Where(p => p.FarmerId == farmer).InSeason(year)
                .Select(p => new { p.FieldId, p.CropName, p.SeasonYear, p.Status }).ToListAsync();
            var actual = await knowledge.PlantingsAsync(farmer, year, default);
            Assert.Equal(expected.Select(p => (p.FieldId, p.CropName, p.SeasonYear, p.Status)).Order(),
                actual.Select(p => (p.FieldId, p.Crop, p.Season, p.Status)).Order());
            Assert.Equal(actual.Select(p => p.FieldName).Order(StringComparer.Ordinal), actual.Select(p => p.FieldName), StringComparer.Ordinal);
        }
    }

    [Fact]
    public async Task A_soft_deleted_farmer_cannot_ask()
    {
        await using (var db = Database.CreateContext())
            await db.Farmers.Where(f => f.Id == D.Tomato).ExecuteUpdateAsync(s => s.SetProperty(f => f.DeletedAt, DateTimeOffset.UtcNow));
        var response = await Factory.Client(D.AdminKey).Post("/api/v1/farmer/query", new { query = "Koliko polja imam?", farmer_id = D.Tomato });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Farmer_names_are_read_from_the_database_and_the_asker_is_not_a_finding()
    {
        await using var db = Database.CreateContext();
        var mango = await db.Farmers.SingleAsync(f => f.Id == D.Mango);
        var wheat = await db.Farmers.SingleAsync(f => f.Id == D.CroatianWheat);
        var names = new FarmerNames(Factory.Services.GetRequiredService<NpgsqlDataSource>(), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<FarmerNames>.Instance);
        var text = $"Your neighbour {mango.Name.ToUpperInvariant()} sprayed yesterday; {wheat.Name} too.";
        Assert.Equal([mango.Name], await names.FoundInAsync(text, D.CroatianWheat, default));
        Assert.Empty(await names.FoundInAsync("Your fields are in good shape.", D.CroatianWheat, default));
    }

    [Fact]
    public async Task A_farmer_registered_a_moment_ago_elsewhere_is_in_the_index_before_their_own_question_goes_to_a_model()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var names = new FarmerNames(Factory.Services.GetRequiredService<NpgsqlDataSource>(), clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<FarmerNames>.Instance);
        var before = await names.IndexAsync(null, default);
        // Registered through another instance, five seconds later: well inside the 30 s background refresh.
        int newcomer;
        await using (var db = Database.CreateContext())
        {
            var farmer = new Farmer { Name = "Ljubica Kovačević", Phone = "+385981112233", CountryCode = "HR", PreferredLanguage = "hr" };
            db.Farmers.Add(farmer);
            await db.SaveChangesAsync();
            newcomer = farmer.Id;
        }
        clock.Advance(TimeSpan.FromSeconds(5));
        const string text = "Ja sam Ljubica Kovačević, kada mogu žeti?";

        Assert.Same(before, await names.IndexAsync(null, default)); // nobody waits for the background refresh …
        Assert.Empty(before.SpansIn(text));
        var index = await names.IndexAsync(newcomer, default); // … but the asker's own name is read before the model call
        Assert.True(index.Knows(newcomer));
        var (start, length) = Assert.Single(index.SpansIn(text));
        Assert.Equal("Ljubica Kovačević", text.Substring(start, length));
        Assert.Same(index, await names.IndexAsync(newcomer, default)); // known now: no further reads
    }
}
