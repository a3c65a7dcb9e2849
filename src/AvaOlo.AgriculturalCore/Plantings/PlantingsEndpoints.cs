using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Plantings;

public static class PlantingsEndpoints
{
    public static void MapPlantings(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/farmer/{id}").WithTags("Crops").RequireAuthorization(ApiScopes.RecordsRead).WithApiErrors()
            .WithMetadata(FarmerRouteMarker.Instance)
            .MapGet("/crops", Crops).WithName("GetFarmerCrops")
            .WithSummary("Current season's plantings with field and area (permanent URL)")
            .WithDescription("Without `season`: this year's plantings plus earlier ones still in the ground (perennials, winter crops). With `season`: exactly that season.");

        var byField = app.MapGroup("/api/v1/fields/{fieldId}").WithTags("Crops").RequireAuthorization(ApiScopes.RecordsWrite).WithApiErrors();
        byField.MapPost("/plantings", Create).WithName("PlantCrop").WithSummary("Plant a crop on a field for a season")
            .WithDescription("Any crop, named in any language (`crop_name`), for a `season_year`, with optional variety, dates, expected yield and plant count.");

        var single = app.MapGroup("/api/v1/plantings").WithTags("Crops").RequireAuthorization(ApiScopes.RecordsRead).WithApiErrors();
        single.MapGet("/{plantingId}", Get).WithName("GetPlanting").WithSummary("One planting")
            .WithDescription("404 for an unknown planting and for another farmer's planting alike.");
        single.MapPut("/{plantingId}", Update).RequireAuthorization(ApiScopes.RecordsWrite).WithName("ReplacePlanting").WithSummary("Replace a planting")
            .WithDescription("Every property is replaced, with the same rules as when planting.");
        single.MapDelete("/{plantingId}", Delete).RequireAuthorization(ApiScopes.RecordsWrite).WithName("DeletePlanting").WithSummary("Delete a planting")
            .WithDescription("Removes the planting; the field stays.");
    }

    private static async Task<Results<Ok<FarmerCropsResponse>, ValidationProblem, ProblemHttpResult>> Crops(
        int id, int? season, AvaOloDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (season is < 1900 or > 9999) return new Errors().Add("season", "must be a year such as 2026").ToProblem();
        if (!await FarmerAccess.VisibleAsync(db, http.Caller(), id, ct)) return FarmerAccess.NotFound("farmer", id);
        var year = season ?? clock.GetUtcNow().Year;
        var carryOver = season is null;
        var rows = await db.Plantings.AsNoTracking().Where(p => p.FarmerId == id).InSeason(year, carryOver)
            .OrderBy(p => p.Field!.Name).ThenBy(p => p.CropName)
            .Select(p => new CropResponse(p.Id, p.CropName, p.Variety, p.SeasonYear, p.Status, p.SownOn, p.ExpectedHarvestOn, p.HarvestedOn,
                p.ExpectedYieldTPerHa, p.PlantCount, new CropFieldRef(p.FieldId, p.Field!.Name, p.Field.AreaHa)))
            .ToListAsync(ct);
        var byCrop = rows.GroupBy(r => r.CropName, StringComparer.OrdinalIgnoreCase)
            .Select(g => new CropTotal(g.First().CropName, g.Select(r => r.Field.Id).Distinct().Count(), g.DistinctBy(r => r.Field.Id).Sum(r => r.Field.AreaHa)))
            .OrderByDescending(c => c.AreaHa).ToList();
        var total = rows.DistinctBy(r => r.Field.Id).Sum(r => r.Field.AreaHa);
        return TypedResults.Ok(new FarmerCropsResponse(id, year, total, byCrop, rows));
    }

    private static async Task<Results<Created<PlantingResponse>, ValidationProblem, ProblemHttpResult>> Create(
        int fieldId, PlantingRequest request, AvaOloDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var field = await db.Fields.AsNoTracking().FindOwnedAsync(db, http.Caller(), fieldId, ct);
        if (field is null) return FarmerAccess.NotFound("field", fieldId);
        var (value, errors) = PlantingRules.Validate(request, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (value is null) return errors.ToProblem();
        var planting = new Planting { FieldId = field.Id, FarmerId = field.FarmerId, CropName = value.CropName, Status = value.Status };
        Apply(planting, value);
        db.Plantings.Add(planting);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/plantings/{planting.Id}", planting.ToResponse());
    }

    private static async Task<Results<Ok<PlantingResponse>, ProblemHttpResult>> Get(int plantingId, AvaOloDbContext db, HttpContext http, CancellationToken ct)
    {
        var planting = await db.Plantings.AsNoTracking().FindOwnedAsync(db, http.Caller(), plantingId, ct);
        return planting is null ? FarmerAccess.NotFound("planting", plantingId) : TypedResults.Ok(planting.ToResponse());
    }

    private static async Task<Results<Ok<PlantingResponse>, ValidationProblem, ProblemHttpResult>> Update(
        int plantingId, PlantingRequest request, AvaOloDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var planting = await db.Plantings.FindOwnedAsync(db, http.Caller(), plantingId, ct);
        if (planting is null) return FarmerAccess.NotFound("planting", plantingId);
        var (value, errors) = PlantingRules.Validate(request, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (value is null) return errors.ToProblem();
        Apply(planting, value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(planting.ToResponse());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(int plantingId, AvaOloDbContext db, HttpContext http, CancellationToken ct)
    {
        var planting = await db.Plantings.FindOwnedAsync(db, http.Caller(), plantingId, ct);
        if (planting is null) return FarmerAccess.NotFound("planting", plantingId);
        db.Plantings.Remove(planting);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static void Apply(Planting p, PlantingRules.Normalized v)
    {
        p.CropName = v.CropName;
        p.Variety = v.Variety;
        p.SeasonYear = v.SeasonYear;
        p.SownOn = v.SownOn;
        p.ExpectedHarvestOn = v.ExpectedHarvestOn;
        p.HarvestedOn = v.HarvestedOn;
        p.ExpectedYieldTPerHa = v.ExpectedYield;
        p.PlantCount = v.PlantCount;
        p.Status = v.Status;
    }
}
