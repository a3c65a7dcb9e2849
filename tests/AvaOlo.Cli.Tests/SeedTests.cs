using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace AvaOlo.Cli.Tests;

[Collection("database")]
public sealed class SeedTests(TestDatabase db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Seed_200_loads_200_farmers_including_the_six_test_farmers()
    {
        var run = await CliRun.RunAsync(db, "seed", "--farmers", "200");

        Assert.True(run.ExitCode == 0, run.ToString());
        await using var ctx = db.CreateContext();
        Assert.Equal(200, await ctx.Farmers.CountAsync());
        var byPhone = await ctx.Farmers.Include(f => f.Fields).ThenInclude(f => f.Plantings)
            .Where(f => new[] { "+359881234567", "+38641234567", "+385912345678", "+385981234567", "+447400123456", "+4915112345678" }.Contains(f.Phone))
            .ToDictionaryAsync(f => f.CountryCode + "/" + f.PreferredLanguage);
        Assert.Equal(["BG/bg", "DE/de", "GB/en", "HR/hr", "HR/hu", "SI/sl"], byPhone.Keys.Order(StringComparer.Ordinal));

        var mango = Assert.Single(byPhone["BG/bg"].Fields);
        Assert.Equal(2.0000m, mango.AreaHa);
        Assert.InRange(mango.CentroidLat!.Value, 42.0m, 42.3m);
        Assert.InRange(mango.CentroidLon!.Value, 24.6m, 24.9m);
        var trees = Assert.Single(mango.Plantings);
        Assert.Equal(("манго", 500, PlantingStatus.Growing, DateTime.UtcNow.Year), (trees.CropName, trees.PlantCount!.Value, trees.Status, trees.SeasonYear));

        var tomato = byPhone["SI/sl"];
        Assert.Contains(tomato.Fields.SelectMany(f => f.Plantings), p => p.CropName == "paradižnik");
        Assert.True(await ctx.Tasks.AnyAsync(t => t.FarmerId == tomato.Id && t.Type == "spraying" && t.Status == FarmTaskStatus.Planned));

        var croatian = byPhone["HR/hr"];
        var mota = Assert.Single(croatian.Fields, f => f.Name == "Mota");
        Assert.Contains(mota.Plantings, p => p.CropName == "pšenica" && p.SeasonYear == DateTime.UtcNow.Year);
        var spraying = await ctx.Tasks.Include(t => t.Materials).ThenInclude(m => m.Material).Include(t => t.Fields)
            .SingleAsync(t => t.FarmerId == croatian.Id && t.Type == "spraying" && t.Status == FarmTaskStatus.Done);
        var prosaro = Assert.Single(spraying.Materials);
        Assert.Equal(("Prosaro 250 EC", 1.0m, "l/ha"), (prosaro.Material!.Name, prosaro.Dose!.Value, prosaro.Unit));
        Assert.Equal(mota.Id, Assert.Single(spraying.Fields).FieldId);
        Assert.InRange(DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - spraying.DoneOn!.Value.DayNumber, 18, 22);
        Assert.True(await ctx.Tasks.AnyAsync(t => t.FarmerId == croatian.Id && t.Type == "harvest" && t.Status == FarmTaskStatus.Planned));

        // One audit row for the whole load, not one per row.
        var audit = Assert.Single(await ctx.AuditLog.ToListAsync());
        Assert.Equal(("cli", "seed", "create"), (audit.ActorType, audit.EntityType, audit.Action));
    }

    [Fact]
    public async Task Seeded_data_spans_many_countries_with_realistic_fields_and_tasks()
    {
        Assert.Equal(0, (await CliRun.RunAsync(db, "seed", "--farmers", "400")).ExitCode);
        await using var ctx = db.CreateContext();

        var countries = await ctx.Farmers.Select(f => f.CountryCode).Distinct().ToListAsync();
        Assert.Superset(new HashSet<string> { "SI", "HR", "BG", "HU", "RS", "AT", "DE", "IT", "GB" }, countries.ToHashSet());
        Assert.True(countries.Count(c => c is "KE" or "IN" or "BR" or "VN") >= 2, string.Join(",", countries));
        Assert.Equal(0, await ctx.Fields.CountAsync(f => f.AreaHa < 0.02m || f.AreaHa > 15m));
        var perFarmer = await ctx.Fields.GroupBy(f => f.FarmerId).Select(g => g.Count()).ToListAsync();
        Assert.InRange(perFarmer.Min(), 1, 8);
        Assert.InRange(perFarmer.Max(), 1, 8);
        var types = await ctx.Tasks.Select(t => t.Type).Distinct().ToListAsync();
        Assert.Superset(new HashSet<string> { "sowing", "harvest", "spraying", "fertilising", "manure spreading", "tillage", "irrigation", "soil sampling" }, types.ToHashSet());
        var statuses = await ctx.Tasks.Select(t => t.Status).Distinct().ToListAsync();
        Assert.Equal(FarmTaskStatus.All.Order(StringComparer.Ordinal), statuses.Order(StringComparer.Ordinal));
        var seasons = await ctx.Plantings.Select(p => p.SeasonYear).Distinct().ToListAsync();
        Assert.Contains(DateTime.UtcNow.Year, seasons);
        Assert.Contains(DateTime.UtcNow.Year - 1, seasons);
        Assert.True(await ctx.TaskMaterials.AnyAsync(m => m.MaterialId != null && m.Material!.Name == "KAN 27% N"));
    }

    [Fact]
    public async Task Every_seeded_phone_is_valid_for_its_country_and_unique()
    {
        Assert.Equal(0, (await CliRun.RunAsync(db, "seed", "--farmers", "300", "--seed", "7")).ExitCode);
        await using var ctx = db.CreateContext();
        var farmers = await ctx.Farmers.Select(f => new { f.Phone, f.CountryCode }).ToListAsync();

        Assert.Equal(300, farmers.Select(f => f.Phone).Distinct().Count());
        foreach (var f in farmers)
        {
            var parsed = Phones.Parse(f.Phone);
            Assert.True(parsed.IsValid, $"{f.Phone}: {parsed.Error}");
            Assert.Equal(f.Phone, parsed.E164);
            Assert.Equal(f.CountryCode, parsed.Country);
        }
    }

    [Fact]
    public async Task The_same_seed_gives_identical_data_and_another_seed_does_not()
    {
        Assert.Equal(0, (await CliRun.RunAsync(db, "seed", "--farmers", "150", "--seed", "11")).ExitCode);
        var first = await ChecksumAsync();
        await db.ResetAsync();
        Assert.Equal(0, (await CliRun.RunAsync(db, "seed", "--farmers", "150", "--seed", "11")).ExitCode);
        var second = await ChecksumAsync();
        await db.ResetAsync();
        Assert.Equal(0, (await CliRun.RunAsync(db, "seed", "--farmers", "150", "--seed", "12")).ExitCode);
        var other = await ChecksumAsync();

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task If_empty_skips_when_farmers_exist_and_plain_seed_refuses()
    {
        Assert.Equal(0, (await CliRun.RunAsync(db, "seed", "--farmers", "20")).ExitCode);

        var skipped = await CliRun.RunAsync(db, "seed", "--farmers", "50", "--if-empty");
        var refused = await CliRun.RunAsync(db, "seed", "--farmers", "50");

        Assert.True(skipped.ExitCode == 0, skipped.ToString());
        Assert.Contains("nothing to do", skipped.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.AlreadyExists, refused.ExitCode);
        await using var ctx = db.CreateContext();
        Assert.Equal(20, await ctx.Farmers.CountAsync());
    }

    [Fact]
    public async Task Seed_refuses_a_database_without_the_current_schema()
    {
        var options = db.Options with { Name = $"avaolo_test_empty_{Guid.NewGuid():N}" };
        await using (var admin = new NpgsqlConnection(options.ToConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{options.Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        try
        {
            var env = new Dictionary<string, string>(db.Environment()) { ["DB_NAME"] = options.Name };
            var run = await CliRun.RunAsync(env, "", "seed", "--farmers", "10");

            Assert.Equal(ExitCodes.SchemaNotCurrent, run.ExitCode);
            Assert.Contains("avaolo migrate", Assert.Single(run.ErrLines), StringComparison.Ordinal);
        }
        finally
        {
            await TestDatabase.DropAsync(options.ToConnectionString("postgres"), options.Name);
        }
    }

    [Theory]
    [InlineData("x")]
    [InlineData("0")]
    public async Task Invalid_farmer_count_is_one_line_and_exit_1(string value)
    {
        var run = await CliRun.RunAsync(db, "seed", "--farmers", value);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--farmers", Assert.Single(run.ErrLines), StringComparison.Ordinal);
    }

    /// <summary>Everything seeded, identified by content rather than by ids (sequences keep counting across resets).</summary>
    private async Task<string> ChecksumAsync()
    {
        const string sql = """
            SELECT count(*) || ':' || md5(string_agg(x, '|' ORDER BY x)) FROM (
              SELECT concat_ws(',', 'f', phone, name, farm_name, email, address, vat_number, country_code, preferred_language, created_at) x FROM farmers
              UNION ALL SELECT concat_ws(',', 'd', fa.phone, d.name, d.area_ha, d.centroid_lat, d.centroid_lon, d.boundary_geojson::text, d.notes, d.created_at)
                FROM fields d JOIN farmers fa ON fa.id = d.farmer_id
              UNION ALL SELECT concat_ws(',', 'p', fa.phone, d.name, p.crop_name, p.variety, p.season_year, p.sown_on, p.expected_harvest_on,
                  p.harvested_on, p.expected_yield_t_per_ha, p.plant_count, p.status, p.created_at)
                FROM plantings p JOIN fields d ON d.id = p.field_id JOIN farmers fa ON fa.id = p.farmer_id
              UNION ALL SELECT concat_ws(',', 't', fa.phone, t.type, t.status, t.due_on, t.done_on, t.notes, t.created_at, t.updated_at,
                  (SELECT string_agg(d.name, ';' ORDER BY d.name) FROM task_fields tf JOIN fields d ON d.id = tf.field_id WHERE tf.task_id = t.id),
                  (SELECT string_agg(concat_ws('/', m.material_name, m.material_id IS NOT NULL, m.dose, m.unit), ';' ORDER BY m.material_name) FROM task_materials m WHERE m.task_id = t.id))
                FROM tasks t JOIN farmers fa ON fa.id = t.farmer_id
            ) rows
            """;
        await using var conn = new NpgsqlConnection(db.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
