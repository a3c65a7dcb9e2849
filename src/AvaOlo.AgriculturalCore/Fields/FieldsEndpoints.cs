using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Fields;

public static class FieldsEndpoints
{
    public static void MapFields(this IEndpointRouteBuilder app)
    {
        var byFarmer = app.MapGroup("/api/v1/farmer/{id}").WithTags("Fields").RequireAuthorization(ApiScopes.RecordsRead)
            .WithApiErrors().WithMetadata(FarmerRouteMarker.Instance);
        byFarmer.MapGet("/fields", List).WithName("GetFarmerFields").WithSummary("A farmer's fields with areas (permanent URL)")
            .WithDescription("Every field of the farmer, by name, with the count and the total area in hectares.");
        byFarmer.MapPost("/fields", Create).RequireAuthorization(ApiScopes.RecordsWrite).WithName("AddField").WithSummary("Add a field")
            .WithDescription("`area_ha` from 0.0001 (1 m²) to 10,000 ha; optional centroid and GeoJSON Polygon/MultiPolygon boundary. 409 when the farmer already has a field of that name.");

        var single = app.MapGroup("/api/v1/fields").WithTags("Fields").RequireAuthorization(ApiScopes.RecordsRead).WithApiErrors();
        single.MapGet("/{fieldId}", Get).WithName("GetField").WithSummary("One field")
            .WithDescription("404 for an unknown field and for another farmer's field alike.");
        single.MapPut("/{fieldId}", Update).RequireAuthorization(ApiScopes.RecordsWrite).WithName("ReplaceField").WithSummary("Replace a field")
            .WithDescription("Every property is replaced, with the same rules as when adding a field.");
        single.MapDelete("/{fieldId}", Delete).RequireAuthorization(ApiScopes.RecordsWrite).WithName("DeleteField").WithSummary("Delete a field and its plantings")
            .WithDescription("The field's plantings go with it; tasks stay, without the link to this field.");
    }

    // The hot path: no DbContext, one round trip that checks the farmer and reads the fields (FieldsReader).
    private static async Task<Results<Ok<FarmerFieldsResponse>, ProblemHttpResult>> List(int id, NpgsqlDataSource data, HttpContext http, CancellationToken ct)
    {
        if (!http.Caller().CanAccess(id)) return FarmerAccess.NotFound("farmer", id);
        var fields = await FieldsReader.ListAsync(data, id, ct);
        return fields is null ? FarmerAccess.NotFound("farmer", id) : TypedResults.Ok(fields);
    }

    private static async Task<Results<Created<FieldResponse>, ValidationProblem, ProblemHttpResult>> Create(
        int id, FieldRequest request, AvaOloDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!await FarmerAccess.VisibleAsync(db, http.Caller(), id, ct)) return FarmerAccess.NotFound("farmer", id);
        var (value, errors) = FieldRules.Validate(request);
        if (value is null) return errors.ToProblem();
        var field = new Field { FarmerId = id, Name = value.Name };
        Apply(field, value);
        db.Fields.Add(field);
        if (await SaveAsync(db, ct) is { } conflict) return conflict;
        return TypedResults.Created($"/api/v1/fields/{field.Id}", field.ToResponse());
    }

    private static async Task<Results<Ok<FieldResponse>, ProblemHttpResult>> Get(int fieldId, AvaOloDbContext db, HttpContext http, CancellationToken ct)
    {
        var field = await db.Fields.AsNoTracking().FindOwnedAsync(db, http.Caller(), fieldId, ct);
        return field is null ? FarmerAccess.NotFound("field", fieldId) : TypedResults.Ok(field.ToResponse());
    }

    private static async Task<Results<Ok<FieldResponse>, ValidationProblem, ProblemHttpResult>> Update(
        int fieldId, FieldRequest request, AvaOloDbContext db, HttpContext http, CancellationToken ct)
    {
        var field = await db.Fields.FindOwnedAsync(db, http.Caller(), fieldId, ct);
        if (field is null) return FarmerAccess.NotFound("field", fieldId);
        var (value, errors) = FieldRules.Validate(request);
        if (value is null) return errors.ToProblem();
        Apply(field, value);
        if (await SaveAsync(db, ct) is { } conflict) return conflict;
        return TypedResults.Ok(field.ToResponse());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(int fieldId, AvaOloDbContext db, HttpContext http, CancellationToken ct)
    {
        var field = await db.Fields.FindOwnedAsync(db, http.Caller(), fieldId, ct);
        if (field is null) return FarmerAccess.NotFound("field", fieldId);
        // Plantings go with the field (audited one by one); task links are removed by the foreign key.
        var plantings = await db.Plantings.Where(p => p.FieldId == fieldId).ToListAsync(ct);
        db.Plantings.RemoveRange(plantings);
        db.Fields.Remove(field);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static void Apply(Field field, FieldRules.Normalized v)
    {
        field.Name = v.Name;
        field.AreaHa = v.AreaHa;
        field.CentroidLat = v.Lat;
        field.CentroidLon = v.Lon;
        field.BoundaryGeoJson = v.BoundaryGeoJson;
        field.Notes = v.Notes;
    }

    private static async Task<ProblemHttpResult?> SaveAsync(AvaOloDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); return null; }
        catch (DbUpdateException e) when (Conflicts.IsUniqueViolation(e, "ix_fields_farmer_id_name"))
        {
            return Conflicts.Problem("name", "this farmer already has a field with that name");
        }
    }
}
