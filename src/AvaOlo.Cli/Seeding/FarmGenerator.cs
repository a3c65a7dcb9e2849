using System.Globalization;
using AvaOlo.Data.Entities;

namespace AvaOlo.Cli.Seeding;

/// <summary>
/// Generates one realistic demo farmer at a time: a country (weighted), a name typical there, a valid unique
/// mobile number, 1–8 fields of 0.02–15 ha (skewed small), plantings for the previous and current season
/// (and autumn-sown crops for next season), and the season's tasks around today.
/// </summary>
internal sealed class FarmGenerator(SeedClock clock, PhoneFactory phones)
{
    private readonly Random _r = clock.Random;
    private readonly TaskPlanner _tasks = new(clock);

    public void AddFarmer(SeedBatch batch)
    {
        var country = clock.PickWeighted(Countries.All, c => c.Weight);
        var town = clock.Pick(country.Towns);
        var minority = country.Minority is { } m && _r.Next(100) < m.Percent ? m : null;
        var language = minority?.Language ?? town.Language ?? clock.Pick(country.Languages);
        var (name, first, family) = (minority?.Names ?? country.Names).Compose(_r);
        var created = clock.At(clock.Today.AddDays(-_r.Next(1, 1000)));
        var email = _r.Next(2) == 0 ? null : $"{Slug(first, family)}{_r.Next(10, 100)}@example.com";
        var vat = country.VatPrefix is null || _r.Next(10) >= 3 ? null
            : country.VatPrefix + string.Concat(Enumerable.Range(0, country.VatDigits).Select(_ => (char)('0' + _r.Next(10))));
        var farmer = batch.Add(new FarmerRow(
            name, _r.Next(10) < 7 ? string.Format(CultureInfo.InvariantCulture, country.FarmNamePattern, family) : null,
            phones.Next(country.Code), email, $"{town.Name}, {country.CountryName}", vat, country.Code,
            _r.Next(10) == 0 ? null : language, created));

        var centreLat = town.Lat + clock.Between(-0.15, 0.15);
        var centreLon = town.Lon + clock.Between(-0.15, 0.15);
        var fieldNames = Names.FieldNames.GetValueOrDefault(language) ?? Names.FieldNames["en"];
        var used = new HashSet<string>(StringComparer.Ordinal);
        var fields = new List<int>();
        var fieldCount = 1 + (int)(7 * Math.Pow(_r.NextDouble(), 1.8));
        for (var i = 0; i < fieldCount; i++)
        {
            var crop = Crops.ByKey[clock.PickWeighted(country.Crops, c => c.Weight).Crop];
            var area = Area(country.MedianHa);
            var lat = Math.Round((decimal)(centreLat + clock.Between(-0.01, 0.01)), 6);
            var lon = Math.Round((decimal)(centreLon + clock.Between(-0.01, 0.01)), 6);
            var fieldCreated = created.AddMinutes(_r.Next(1, 120));
            var field = batch.Add(new FieldRow(farmer, Unique(clock.Pick(fieldNames), used), area, lat, lon,
                _r.Next(10) < 6 ? clock.Rectangle(lat, lon, area) : null, null, fieldCreated));
            fields.Add(field);
            AddSeasons(batch, farmer, field, crop, area, country, language, fieldCreated);
        }
        if (_r.Next(5) == 0)
        {
            var day = clock.Today.AddDays(_r.Next(-200, 60));
            _tasks.Add(batch, farmer, fields, "soil sampling", day, created);
        }
    }

    private void AddSeasons(SeedBatch batch, int farmer, int field, Crop crop, decimal area, CountryProfile country, string language, DateTimeOffset created)
    {
        var year = clock.Year;
        var perennial = crop.Kind is CropKind.Perennial or CropKind.Grass;
        var variety = crop.VarietiesFor(country.Code) is { Length: > 0 } v ? clock.Pick(v) : null;
        int? plants = crop.PlantsPerHa > 0 ? Math.Max(1, (int)Math.Round((double)area * crop.PlantsPerHa * clock.Between(0.85, 1.1))) : null;

        if (_r.Next(10) < 8)
        {
            // Rotation: last season's arable crop was usually a different one.
            var previous = perennial ? crop : Rotate(country, crop);
            var previousVariety = previous == crop ? variety : Variety(previous, country);
            AddPlanting(batch, farmer, field, previous, previousVariety, plants, year - 1, area, language, created);
        }
        AddPlanting(batch, farmer, field, crop, variety, plants, year, area, language, created);

        if (!perennial && _r.Next(10) < 4 && country.Crops.Select(c => Crops.ByKey[c.Crop]).Where(c => c.Winter && c != crop).ToList() is { Count: > 0 } winter)
            AddPlanting(batch, farmer, field, clock.Pick(winter), null, null, year + 1, area, language, created);
    }

    private void AddPlanting(SeedBatch batch, int farmer, int field, Crop crop, string? variety, int? plants, int season,
        decimal area, string language, DateTimeOffset created)
    {
        var today = clock.Today;
        DateOnly? sown = crop.SowMonth == 0 ? null : clock.DayIn(crop.Winter ? season - 1 : season, crop.SowMonth);
        var harvest = clock.DayIn(season, crop.HarvestMonth);
        DateOnly? harvested = null;
        string status;
        if (harvest < today)
        {
            status = _r.Next(20) == 0 ? PlantingStatus.Failed : PlantingStatus.Harvested;
            if (status == PlantingStatus.Harvested)
            {
                var actual = harvest.AddDays(_r.Next(-5, 11));
                harvested = actual < today ? actual : today.AddDays(-1);
            }
        }
        else status = sown is null || sown <= today ? PlantingStatus.Growing : PlantingStatus.Planned;

        var yield = Math.Round((decimal)clock.Between(crop.YieldMin, crop.YieldMax), 1);
        batch.Add(new PlantingRow(field, farmer, crop.NameIn(language), variety ?? Variety(crop, null), season, sown, harvest, harvested,
            yield, plants, status, Max(created, clock.At(sown ?? harvest.AddDays(-120)))));
        _tasks.AddForPlanting(batch, farmer, field, crop, sown, harvest, status, created);
    }

    /// <summary>Log-normal field size, redrawn until it falls within the realistic 0.02–15 ha.</summary>
    private decimal Area(double median)
    {
        for (var i = 0; ; i++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - _r.NextDouble())) * Math.Cos(2 * Math.PI * _r.NextDouble());
            var ha = median * Math.Exp(1.1 * normal);
            if (ha is >= 0.02 and <= 15 || i > 20) return Math.Round((decimal)Math.Clamp(ha, 0.02, 15), 4);
        }
    }

    private Crop Rotate(CountryProfile country, Crop crop)
    {
        for (var i = 0; i < 5; i++)
        {
            var other = Crops.ByKey[clock.PickWeighted(country.Crops, c => c.Weight).Crop];
            if (other != crop && other.Kind is CropKind.Arable or CropKind.Vegetable) return other;
        }
        return crop;
    }

    private string? Variety(Crop crop, CountryProfile? country)
    {
        var list = country is null ? crop.Varieties : crop.VarietiesFor(country.Code);
        return list.Length == 0 || _r.Next(4) == 0 ? null : clock.Pick(list);
    }

    private static string Unique(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++) candidate = $"{name} {n}";
        return candidate;
    }

    private static string Slug(string first, string family) =>
        SeedClock.Ascii(first) is { Length: > 0 } f && SeedClock.Ascii(family) is { Length: > 0 } l ? $"{f}.{l}" : "farmer";

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
