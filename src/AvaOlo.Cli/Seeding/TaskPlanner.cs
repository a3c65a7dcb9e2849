using AvaOlo.Data.Entities;

namespace AvaOlo.Cli.Seeding;

/// <summary>
/// The season's work for one planting, with the PRODUCT.md task types (sowing, harvest, spraying, fertilising,
/// manure spreading, tillage, irrigation, soil sampling). Past work is mostly done, some cancelled, a few
/// overdue; future work is planned.
/// </summary>
internal sealed class TaskPlanner(SeedClock clock)
{
    private readonly Random _r = clock.Random;

    public void AddForPlanting(SeedBatch batch, int farmer, int field, Crop crop, DateOnly? sown, DateOnly harvest, string status, DateTimeOffset created)
    {
        int[] fields = [field];
        var failed = status == PlantingStatus.Failed;
        switch (crop.Kind)
        {
            case CropKind.Arable or CropKind.Vegetable:
                var sowDay = sown ?? harvest.AddDays(-150);
                if (_r.Next(10) < 3)
                    Add(batch, farmer, fields, "manure spreading", sowDay.AddDays(-_r.Next(30, 46)), created, new TaskMaterialSpec("Cattle manure", clock.Dose(20, 40, 1), "t/ha"));
                Add(batch, farmer, fields, "tillage", sowDay.AddDays(-_r.Next(7, 21)), created);
                Add(batch, farmer, fields, "sowing", sowDay, created, Seed(crop));
                Add(batch, farmer, fields, "fertilising", crop.Winter ? clock.DayIn(harvest.Year, 3) : sowDay.AddDays(_r.Next(30, 61)), created, Fertiliser());
                if (crop.Spray is { } spray)
                {
                    // Sprayed well before harvest, outside any pre-harvest interval.
                    var back = crop.Kind == CropKind.Vegetable ? _r.Next(20, 41) : _r.Next(45, 71);
                    Add(batch, farmer, fields, "spraying", harvest.AddDays(-back), created, new TaskMaterialSpec(spray.Product, clock.Dose(spray.DoseMin, spray.DoseMax, 0.05m), spray.Unit));
                }
                if (crop.Kind == CropKind.Vegetable || crop.Key == "rice" || _r.Next(100) < 15)
                    Add(batch, farmer, fields, "irrigation", sowDay.AddDays(_r.Next(30, Math.Max(31, harvest.DayNumber - sowDay.DayNumber - 10))), created);
                if (!failed) Add(batch, farmer, fields, "harvest", harvest, created);
                break;
            case CropKind.Perennial:
                Add(batch, farmer, fields, "fertilising", harvest.AddDays(-_r.Next(120, 200)), created, new TaskMaterialSpec("NPK 15-15-15", clock.Dose(300, 500, 10), "kg/ha"));
                if (crop.Spray is { } s)
                    for (var i = 1 + _r.Next(3); i > 0; i--)
                        Add(batch, farmer, fields, "spraying", harvest.AddDays(-_r.Next(30, 121)), created, new TaskMaterialSpec(s.Product, clock.Dose(s.DoseMin, s.DoseMax, 0.05m), s.Unit));
                if (_r.Next(10) < 4) Add(batch, farmer, fields, "irrigation", harvest.AddDays(-_r.Next(60, 91)), created);
                if (!failed) Add(batch, farmer, fields, "harvest", harvest, created);
                break;
            case CropKind.Grass:
                var spring = clock.DayIn(harvest.Year, 3);
                if (_r.Next(2) == 0) Add(batch, farmer, fields, "manure spreading", spring, created, new TaskMaterialSpec("Cattle manure", clock.Dose(15, 30, 1), "t/ha"));
                else Add(batch, farmer, fields, "fertilising", spring, created, new TaskMaterialSpec("KAN 27% N", clock.Dose(150, 250, 10), "kg/ha"));
                // Two or three cuts a season.
                foreach (var month in _r.Next(2) == 0 ? new[] { 5, 7 } : [5, 7, 9])
                    Add(batch, farmer, fields, "harvest", clock.DayIn(harvest.Year, month), created);
                break;
        }
    }

    /// <summary>One task on one or more fields, its status derived from its date and today.</summary>
    public void Add(SeedBatch batch, int farmer, IReadOnlyList<int> fields, string type, DateOnly day, DateTimeOffset farmerCreated, params TaskMaterialSpec[] materials)
    {
        var today = clock.Today;
        string status;
        DateOnly? done = null;
        var roll = _r.Next(100);
        if (day >= today) status = FarmTaskStatus.Planned;
        else if (roll < 4) status = FarmTaskStatus.Cancelled;
        else if (roll < 10 && day > today.AddDays(-30)) status = FarmTaskStatus.Planned; // overdue
        else
        {
            status = FarmTaskStatus.Done;
            done = day;
        }
        var due = status == FarmTaskStatus.Done ? day.AddDays(-_r.Next(0, 4)) : day;
        var createdAt = clock.At(due.AddDays(-_r.Next(3, 40)));
        batch.AddTask(new TaskRow(farmer, type, status, due, done, null, createdAt > farmerCreated ? createdAt : farmerCreated), fields, materials);
    }

    private TaskMaterialSpec[] Seed(Crop crop) =>
        !crop.CertifiedSeed ? []
        : crop.Key is "wheat" or "barley" or "triticale" ? [new("Certified seed", clock.Dose(180, 240, 5), "kg/ha")]
        : [new("Certified seed", clock.Dose(60, 120, 5), "kg/ha")];

    private TaskMaterialSpec Fertiliser() => _r.Next(3) switch
    {
        0 => new("KAN 27% N", clock.Dose(150, 300, 10), "kg/ha"),
        1 => new("Urea 46% N", clock.Dose(100, 200, 10), "kg/ha"),
        _ => new("NPK 15-15-15", clock.Dose(200, 450, 10), "kg/ha"),
    };
}
