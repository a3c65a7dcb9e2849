using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Materials;

public sealed record ActiveIngredientResponse(string Name, decimal? Concentration, string? ConcentrationUnit);

public sealed record MaterialRuleResponse(string CountryCode, string Crop, int? PreHarvestIntervalDays, int? MaxApplicationsPerSeason,
    decimal? DoseMin, decimal? DoseMax, string? DoseUnit, string? Notes);

public sealed record MaterialResponse(int Id, string Name, string Kind, string? Manufacturer, string Unit,
    IReadOnlyList<ActiveIngredientResponse> ActiveIngredients, IReadOnlyList<MaterialRuleResponse> Rules);

/// <summary>The input catalogue with per-country rules (pre-harvest interval, applications, dose). Read-only here.</summary>
public static class MaterialsEndpoints
{
    public static void MapMaterials(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/materials").WithTags("Materials").RequireAuthorization(ApiScopes.RecordsRead).WithApiErrors();
        group.MapGet("/", List).WithName("ListMaterials").WithSummary("The input catalogue; `country_code` narrows the rules to one country")
            .WithDescription("Products with their active ingredients and, per country and crop, the pre-harvest interval, maximum applications and dose range.");
        group.MapGet("/{materialId}", Get).WithName("GetMaterial").WithSummary("One material with its rules")
            .WithDescription("The product and its rules in every country.");
    }

    private static async Task<Results<Ok<List<MaterialResponse>>, ValidationProblem>> List(
        AvaOloDbContext db, CancellationToken ct, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "country_code")] string? countryCode)
    {
        var country = Text.Clean(countryCode)?.ToUpperInvariant();
        if (country is not null && !Phones.IsKnownCountry(country))
            return new Errors().Add("country_code", "must be an ISO 3166-1 alpha-2 country code, e.g. HR").ToProblem();
        var materials = await db.Materials.AsNoTracking().Include(m => m.Rules).OrderBy(m => m.Name).ToListAsync(ct);
        return TypedResults.Ok(materials.Select(m => ToResponse(m, country)).ToList());
    }

    private static async Task<Results<Ok<MaterialResponse>, ProblemHttpResult>> Get(int materialId, AvaOloDbContext db, CancellationToken ct)
    {
        var material = await db.Materials.AsNoTracking().Include(m => m.Rules).FirstOrDefaultAsync(m => m.Id == materialId, ct);
        return material is null ? FarmerAccess.NotFound("material", materialId) : TypedResults.Ok(ToResponse(material, null));
    }

    private static MaterialResponse ToResponse(Material m, string? country) => new(
        m.Id, m.Name, m.Kind, m.Manufacturer, m.Unit,
        m.ActiveIngredients.Select(a => new ActiveIngredientResponse(a.Name, a.Concentration, a.ConcentrationUnit)).ToList(),
        m.Rules.Where(r => country is null || r.CountryCode == country).OrderBy(r => r.CountryCode).ThenBy(r => r.Crop)
            .Select(r => new MaterialRuleResponse(r.CountryCode, r.Crop, r.PreHarvestIntervalDays, r.MaxApplicationsPerSeason, r.DoseMin, r.DoseMax, r.DoseUnit, r.Notes))
            .ToList());
}
