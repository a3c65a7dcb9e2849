using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.AgriculturalCore.DataRights;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Farmers;

public static class FarmersEndpoints
{
    public static void MapFarmers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/farmers").WithTags("Farmers").RequireAuthorization(ApiScopes.RecordsRead).WithApiErrors();
        group.MapGet("/", List).WithName("ListFarmers").WithSummary("List farmers (a farmer key sees only itself)")
            .WithDescription("Paged (`page`, `page_size` up to 200), optionally narrowed to one `country_code`. A farmer key lists only its own farmer.");
        group.MapPost("/", Create).RequireAuthorization(Policies.ManageFarmers).WithName("RegisterFarmer").WithSummary("Register a farmer")
            .WithDescription("Needs an integration or admin key. Without `country_code` the phone number gives the country (libphonenumber); 409 when the phone is already registered.");
        group.MapGet("/{id}", Get).WithName("GetFarmer").WithSummary("One farmer").WithMetadata(FarmerRouteMarker.Instance)
            .WithDescription("404 for an unknown or deleted farmer, and for one this key may not access.");
        group.MapPut("/{id}", Update).RequireAuthorization(ApiScopes.RecordsWrite).WithName("ReplaceFarmer").WithSummary("Replace a farmer's details")
            .WithMetadata(FarmerRouteMarker.Instance)
            .WithDescription("Replaces the farmer's details, with the same rules as registering; 409 when the phone belongs to another farmer. Recorded in the audit trail.");
        group.MapDelete("/{id}", Delete).RequireAuthorization(DataRightsPolicies.DeleteOrErase).WithName("DeleteFarmer")
            .WithSummary("Delete a farmer (soft delete; revokes their keys), or with ?erase=true schedule their erasure").WithMetadata(FarmerRouteMarker.Instance)
            .WithDescription("Needs an integration or admin key. The farmer and their records disappear from every read, and the farmer's API keys stop working. " +
                "With `?erase=true` (the farmer's own key or an admin key) it schedules the farmer's erasure instead, as DELETE /api/v1/farmer/{id}?erase=true does.");
    }

    private static async Task<Results<Ok<Paged<FarmerResponse>>, ValidationProblem>> List(
        AvaOloDbContext db, HttpContext http, CancellationToken ct,
        [FromQuery] int? page, [FromQuery(Name = "page_size")] int? pageSize, [FromQuery(Name = "country_code")] string? countryCode)
    {
        var errors = new Errors();
        Paging.Validate(errors, page, pageSize);
        if (errors.Any) return errors.ToProblem();
        var (p, size) = (page ?? 1, pageSize ?? 50);
        var caller = http.Caller();
        var query = db.Farmers.AsNoTracking();
        if (caller.FarmerId is { } own) query = query.Where(f => f.Id == own);
        if (Text.Clean(countryCode)?.ToUpperInvariant() is { } cc) query = query.Where(f => f.CountryCode == cc);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(f => f.Id).Skip(Paging.Offset(p, size)).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Paged<FarmerResponse>(items.Select(f => f.ToResponse()).ToList(), p, size, total));
    }

    private static async Task<Results<Ok<FarmerResponse>, ProblemHttpResult>> Get(int id, AvaOloDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!http.Caller().CanAccess(id)) return FarmerAccess.NotFound("farmer", id);
        var farmer = await db.Farmers.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        return farmer is null ? FarmerAccess.NotFound("farmer", id) : TypedResults.Ok(farmer.ToResponse());
    }

    private static async Task<Results<Created<FarmerResponse>, ValidationProblem, ProblemHttpResult>> Create(
        FarmerRequest request, AvaOloDbContext db, CancellationToken ct)
    {
        var (value, errors) = FarmerRules.Validate(request);
        if (value is null) return errors.ToProblem();
        // The partial unique index on phone decides (no read-then-write race); its violation is the 409.
        var farmer = new Farmer { Name = value.Name, Phone = value.Phone, CountryCode = value.CountryCode };
        Apply(farmer, value);
        db.Farmers.Add(farmer);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (Conflicts.IsUniqueViolation(e, "ix_farmers_phone")) { return PhoneTaken(); }
        return TypedResults.Created($"/api/v1/farmers/{farmer.Id}", farmer.ToResponse());
    }

    private static async Task<Results<Ok<FarmerResponse>, ValidationProblem, ProblemHttpResult>> Update(
        int id, FarmerRequest request, AvaOloDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!http.Caller().CanAccess(id)) return FarmerAccess.NotFound("farmer", id);
        var farmer = await db.Farmers.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (farmer is null) return FarmerAccess.NotFound("farmer", id);
        var (value, errors) = FarmerRules.Validate(request);
        if (value is null) return errors.ToProblem();
        Apply(farmer, value);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (Conflicts.IsUniqueViolation(e, "ix_farmers_phone")) { return PhoneTaken(); }
        return TypedResults.Ok(farmer.ToResponse());
    }

    private static async Task<Results<NoContent, Accepted<ErasureResponse>, ValidationProblem, ProblemHttpResult>> Delete(
        int id, [FromQuery] string? erase, AvaOloDbContext db, ApiKeyStore keys, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (ErasureEndpoints.Asked(erase)) return await ErasureEndpoints.ScheduleFromFarmersAsync(id, erase, db, http, clock, ct);
        var farmer = await db.Farmers.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (farmer is null) return FarmerAccess.NotFound("farmer", id);
        var now = clock.GetUtcNow();
        farmer.DeletedAt = now;
        // A deleted farmer's own keys must stop working at once, not when their cache entry expires.
        var boundKeys = await db.ApiKeys.Where(k => k.FarmerId == id && k.RevokedAt == null).ToListAsync(ct);
        foreach (var key in boundKeys) key.RevokedAt = now;
        await db.SaveChangesAsync(ct);
        foreach (var key in boundKeys) keys.Forget(key.Prefix);
        return TypedResults.NoContent();
    }

    private static void Apply(Farmer farmer, FarmerRules.Normalized v)
    {
        farmer.Name = v.Name;
        farmer.FarmName = v.FarmName;
        farmer.Phone = v.Phone;
        farmer.Email = v.Email;
        farmer.Address = v.Address;
        farmer.VatNumber = v.VatNumber;
        farmer.CountryCode = v.CountryCode;
        farmer.PreferredLanguage = v.PreferredLanguage;
    }

    private static ProblemHttpResult PhoneTaken() => Conflicts.Problem("phone", "is already registered to another farmer");
}
