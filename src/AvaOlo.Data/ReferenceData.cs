using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.Data;

/// <summary>
/// The input catalogue and per-country product rules every installation needs. Applied (upserted by name)
/// by `avaolo migrate`, so facts are versioned with the code and corrected by a deploy, not by hand.
/// </summary>
public static class ReferenceData
{
    public static IReadOnlyList<Material> Catalogue() =>
    [
        new()
        {
            Name = "Prosaro 250 EC", Kind = "fungicide", Manufacturer = "Bayer", Unit = "l/ha",
            ActiveIngredients =
            [
                new() { Name = "prothioconazole", Concentration = 125m, ConcentrationUnit = "g/l" },
                new() { Name = "tebuconazole", Concentration = 125m, ConcentrationUnit = "g/l" },
            ],
            // Croatia: pre-harvest interval ("karenca") per crop, at most 2 applications, 0.75–1.0 l/ha.
            Rules =
            [
                ProsaroHr("wheat", 42), ProsaroHr("barley", 42), ProsaroHr("maize", 35),
                ProsaroHr("triticale", 35), ProsaroHr("oilseed rape", 56),
            ],
        },
        new()
        {
            Name = "KAN 27% N", Kind = "fertiliser", Unit = "kg/ha",
            ActiveIngredients = [new() { Name = "nitrogen (calcium ammonium nitrate)", Concentration = 27m, ConcentrationUnit = "%" }],
        },
        new()
        {
            Name = "NPK 15-15-15", Kind = "fertiliser", Unit = "kg/ha",
            ActiveIngredients =
            [
                new() { Name = "nitrogen", Concentration = 15m, ConcentrationUnit = "%" },
                new() { Name = "phosphorus pentoxide", Concentration = 15m, ConcentrationUnit = "%" },
                new() { Name = "potassium oxide", Concentration = 15m, ConcentrationUnit = "%" },
            ],
        },
        new()
        {
            Name = "Urea 46% N", Kind = "fertiliser", Unit = "kg/ha",
            ActiveIngredients = [new() { Name = "nitrogen (urea)", Concentration = 46m, ConcentrationUnit = "%" }],
        },
        new() { Name = "Cattle manure", Kind = "fertiliser", Unit = "t/ha" },
        new() { Name = "Certified seed", Kind = "seed", Unit = "kg/ha" },
    ];

    private static MaterialRule ProsaroHr(string crop, int phiDays) => new()
    {
        CountryCode = "HR", Crop = crop, PreHarvestIntervalDays = phiDays, MaxApplicationsPerSeason = 2,
        DoseMin = 0.75m, DoseMax = 1.0m, DoseUnit = "l/ha",
    };

    private static bool SameIngredients(List<ActiveIngredient> a, List<ActiveIngredient> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Name == p.Second.Name && p.First.Concentration == p.Second.Concentration
            && p.First.ConcentrationUnit == p.Second.ConcentrationUnit);

    /// <summary>Inserts missing materials and rules and corrects changed ones; never deletes.</summary>
    public static async Task<int> EnsureAsync(AvaOloDbContext db, CancellationToken ct)
    {
        var existing = await db.Materials.Include(m => m.Rules).ToDictionaryAsync(m => m.Name, ct);
        foreach (var wanted in Catalogue())
        {
            if (!existing.TryGetValue(wanted.Name, out var have))
            {
                db.Materials.Add(wanted);
                continue;
            }
            have.Kind = wanted.Kind;
            have.Manufacturer = wanted.Manufacturer;
            have.Unit = wanted.Unit;
            // Replacing the owned JSON list always marks the row changed; only do it when it really differs.
            if (!SameIngredients(have.ActiveIngredients, wanted.ActiveIngredients)) have.ActiveIngredients = wanted.ActiveIngredients;
            foreach (var rule in wanted.Rules)
            {
                var match = have.Rules.FirstOrDefault(r => r.CountryCode == rule.CountryCode && r.Crop == rule.Crop);
                if (match is null) { have.Rules.Add(rule); continue; }
                match.PreHarvestIntervalDays = rule.PreHarvestIntervalDays;
                match.MaxApplicationsPerSeason = rule.MaxApplicationsPerSeason;
                match.DoseMin = rule.DoseMin;
                match.DoseMax = rule.DoseMax;
                match.DoseUnit = rule.DoseUnit;
            }
        }
        var names = await db.CropNames.Select(c => new { c.Crop, c.Stem }).ToListAsync(ct);
        foreach (var (crop, stems) in CropVocabulary.Stems)
            foreach (var stem in stems.Where(s => !names.Any(n => n.Crop == crop && n.Stem == s)))
                db.CropNames.Add(new CropName { Crop = crop, Stem = stem });
        return await db.SaveChangesAsync(ct);
    }
}
