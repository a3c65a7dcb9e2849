using AvaOlo.Data;
using AvaOlo.Data.Entities;

namespace AvaOlo.Cli.Seeding;

/// <summary>
/// The test farmers of PRODUCT.md, always seeded first with fixed phone numbers so that self-tests, demos and
/// the dashboards can find them. Their dates are relative to today so the stories hold on any day.
/// </summary>
internal static class FixedFarmers
{
    public const string BulgarianMangoPhone = DemoFarmers.BulgarianMangoPhone;
    public const string SlovenianTomatoPhone = DemoFarmers.SlovenianTomatoPhone;
    public const string HungarianInCroatiaPhone = DemoFarmers.HungarianInCroatiaPhone;
    public const string CroatianWheatPhone = DemoFarmers.CroatianWheatPhone;
    public const string EnglishWheatPhone = DemoFarmers.EnglishWheatPhone;
    public const string GermanPhone = DemoFarmers.GermanPhone;

    public static readonly string[] Phones = [BulgarianMangoPhone, SlovenianTomatoPhone, HungarianInCroatiaPhone, CroatianWheatPhone, EnglishWheatPhone, GermanPhone];

    public static void AddTo(SeedBatch batch, SeedClock clock)
    {
        var t = clock.Today;
        var y = clock.Year;
        DateTimeOffset Since(int days) => clock.At(t.AddDays(-days));
        int Field(int farmer, string name, decimal ha, decimal lat, decimal lon, string? notes, DateTimeOffset at) =>
            batch.Add(new FieldRow(farmer, name, ha, lat, lon, clock.Rectangle(lat, lon, ha), notes, at));
        void Task(int farmer, int field, string type, string status, int dayOffset, string? notes, params TaskMaterialSpec[] m) =>
            batch.AddTask(new TaskRow(farmer, type, status, t.AddDays(dayOffset), status == FarmTaskStatus.Done ? t.AddDays(dayOffset) : null,
                notes, Since(Math.Max(1, 10 - dayOffset))), [field], m);

        // Bulgarian mango grower near Plovdiv: 2 ha, 500 trees, writes Cyrillic.
        var created = Since(420);
        var bg = batch.Add(new FarmerRow("Георги Петров", "Стопанство Петров", BulgarianMangoPhone, null, "с. Брестник, Пловдив, България", null, "BG", "bg", created));
        var mango = Field(bg, "Манго градина", 2.0000m, 42.140000m, 24.750000m, "Отопляема оранжерия с капково напояване", created);
        batch.Add(new PlantingRow(mango, bg, "манго", "Keitt", y, null, t.AddDays(75), null, 10.0m, 500, PlantingStatus.Growing, created));
        Task(bg, mango, "fertilising", FarmTaskStatus.Done, -25, null, new TaskMaterialSpec("NPK 15-15-15", 300m, "kg/ha"));
        Task(bg, mango, "irrigation", FarmTaskStatus.Done, -3, "Капково напояване, 4 часа");
        Task(bg, mango, "harvest", FarmTaskStatus.Planned, 75, null);

        // Slovenian tomato grower with a planned spraying against late blight.
        created = Since(300);
        var si = batch.Add(new FarmerRow("Marija Kovačič", "Kmetija Kovačič", SlovenianTomatoPhone, "marija.kovacic@example.com", "Brestanica, Slovenija", null, "SI", "sl", created));
        var greenhouse = Field(si, "Rastlinjak pri hiši", 0.3500m, 45.985000m, 15.477000m, "Plastenjak", created);
        var potatoField = Field(si, "Njiva za hišo", 1.2000m, 45.988000m, 15.481000m, null, created);
        batch.Add(new PlantingRow(greenhouse, si, "paradižnik", "Belriccio", y, t.AddDays(-60), t.AddDays(20), null, 80.0m, null, PlantingStatus.Growing, created));
        batch.Add(new PlantingRow(potatoField, si, "krompir", "Bellarosa", y, t.AddDays(-200), t.AddDays(-90), t.AddDays(-88), 32.0m, null, PlantingStatus.Harvested, created));
        Task(si, greenhouse, "fertilising", FarmTaskStatus.Done, -30, null, new TaskMaterialSpec("NPK 15-15-15", 400m, "kg/ha"));
        Task(si, greenhouse, "irrigation", FarmTaskStatus.Done, -2, null);
        Task(si, greenhouse, "spraying", FarmTaskStatus.Planned, 2, "Zaščita proti plesni (Phytophthora infestans)", new TaskMaterialSpec("Ridomil Gold MZ 68 WG", 2.5m, "kg/ha"));
        Task(si, potatoField, "harvest", FarmTaskStatus.Done, -88, null);

        // Hungarian-speaking farmer in Croatia (Baranja): country HR, language hu.
        created = Since(500);
        var hu = batch.Add(new FarmerRow("Kovács István", "Kovács Gazdaság", HungarianInCroatiaPhone, null, "Bilje, Hrvatska", null, "HR", "hu", created));
        var bigField = Field(hu, "Nagy tábla", 8.4000m, 45.603000m, 18.742000m, null, created);
        var meadow = Field(hu, "Rét", 1.3000m, 45.607000m, 18.735000m, null, created);
        batch.Add(new PlantingRow(bigField, hu, "szemes kukorica", "DKC5068", y, t.AddDays(-220), t.AddDays(-45), t.AddDays(-43), 9.5m, null, PlantingStatus.Harvested, created));
        batch.Add(new PlantingRow(meadow, hu, "rét", null, y, null, null, null, 6.0m, null, PlantingStatus.Growing, created));
        Task(hu, bigField, "harvest", FarmTaskStatus.Done, -43, null);
        Task(hu, bigField, "tillage", FarmTaskStatus.Planned, 5, "Őszi mélyszántás");

        // Croatian wheat farmer: field "Mota", Prosaro 250 EC sprayed 20 days ago at 1.0 l/ha, harvest planned.
        created = Since(600);
        var hr = batch.Add(new FarmerRow("Ivan Horvat", "OPG Horvat", CroatianWheatPhone, "ivan.horvat@example.com", "Đakovo, Hrvatska", "HR12345678903", "HR", "hr", created));
        var wheatSown = new DateOnly(t.AddDays(30).Year - 1, 10, 20); // winter wheat: sown the autumn before its harvest
        var mota = Field(hr, "Mota", 12.5000m, 45.310000m, 18.410000m, null, created);
        var home = Field(hr, "Kod kuće", 3.2000m, 45.305000m, 18.402000m, null, created);
        batch.Add(new PlantingRow(mota, hr, "pšenica", "Kraljica", y, wheatSown, t.AddDays(30), null, 7.0m, null, PlantingStatus.Growing, created));
        batch.Add(new PlantingRow(home, hr, "kukuruz za zrno", "Bc 572", y, t.AddDays(-210), t.AddDays(-48), t.AddDays(-47), 10.5m, null, PlantingStatus.Harvested, created));
        Task(hr, mota, "sowing", FarmTaskStatus.Done, wheatSown.DayNumber - t.DayNumber, null, new TaskMaterialSpec("Certified seed", 220m, "kg/ha"));
        Task(hr, mota, "fertilising", FarmTaskStatus.Done, -60, null, new TaskMaterialSpec("KAN 27% N", 200m, "kg/ha"));
        Task(hr, mota, "spraying", FarmTaskStatus.Done, -20, "Zaštita od fuzarioze klasa", new TaskMaterialSpec("Prosaro 250 EC", 1.0m, "l/ha"));
        Task(hr, mota, "harvest", FarmTaskStatus.Planned, 30, null);
        Task(hr, home, "harvest", FarmTaskStatus.Done, -47, null);

        // English wheat farmer.
        created = Since(380);
        var gb = batch.Add(new FarmerRow("William Hughes", "Hughes Farm", EnglishWheatPhone, "william.hughes@example.com", "Louth, Lincolnshire, United Kingdom", null, "GB", "en", created));
        var top = Field(gb, "Top Field", 14.2000m, 53.367000m, -0.004000m, null, created);
        batch.Add(new PlantingRow(top, gb, "winter wheat", "Skyfall", y, t.AddDays(-230), t.AddDays(40), null, 8.5m, null, PlantingStatus.Growing, created));
        Task(gb, top, "fertilising", FarmTaskStatus.Done, -45, null, new TaskMaterialSpec("Urea 46% N", 150m, "kg/ha"));
        Task(gb, top, "spraying", FarmTaskStatus.Done, -30, null, new TaskMaterialSpec("Prosaro 250 EC", 0.8m, "l/ha"));
        Task(gb, top, "harvest", FarmTaskStatus.Planned, 40, null);

        // German farmer.
        created = Since(250);
        var de = batch.Add(new FarmerRow("Hans Müller", "Hof Müller", GermanPhone, null, "Landshut, Deutschland", "DE123456789", "DE", "de", created));
        var bach = Field(de, "Am Bach", 6.8000m, 48.560000m, 12.170000m, null, created);
        var acker = Field(de, "Hausacker", 4.1000m, 48.552000m, 12.161000m, null, created);
        batch.Add(new PlantingRow(bach, de, "Silomais", "P0216", y, t.AddDays(-200), t.AddDays(-70), t.AddDays(-70), 48.0m, null, PlantingStatus.Harvested, created));
        batch.Add(new PlantingRow(acker, de, "Winterweizen", "RGT Reform", y + 1, t.AddDays(-40), t.AddDays(230), null, 8.0m, null, PlantingStatus.Growing, created));
        Task(de, bach, "harvest", FarmTaskStatus.Done, -70, null);
        Task(de, acker, "manure spreading", FarmTaskStatus.Done, -50, null, new TaskMaterialSpec("Cattle manure", 30m, "t/ha"));
        Task(de, acker, "sowing", FarmTaskStatus.Done, -40, null, new TaskMaterialSpec("Certified seed", 190m, "kg/ha"));

        // The numbers are the point of these farmers: libphonenumber must place each in its farmer's country.
        foreach (var f in batch.Farmers)
            if (Data.Phones.Parse(f.Phone) is var p && (!p.IsValid || p.Country != f.CountryCode))
                throw new InvalidOperationException($"fixed test phone {f.Phone} is not a valid {f.CountryCode} number per libphonenumber");
    }
}
