using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.AgriculturalCore.Common;
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
        group.MapGet("/", List).WithSummary("List farmers (a farmer key sees only itself)");
        group.MapPost("/", Create).RequireAuthorization(Policies.ManageFarmers).WithSummary("Register a farmer");
        group.MapGet("/{id}", Get).WithSummary("One farmer").WithMetadata(FarmerRouteMarker.Instance);
        group.MapPut("/{id}", Update).RequireAuthorization(ApiScopes.RecordsWrite).WithSummary("Replace a farmer's details").WithMetadata(FarmerRouteMarker.Instance);
        group.MapDelete("/{id}", Delete).RequireAuthorization(Policies.ManageFarmers).WithSummary("Delete a farmer (soft delete; revokes their keys)").WithMetadata(FarmerRouteMarker.Instance);
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

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        int id, AvaOloDbContext db, ApiKeyStore keys, TimeProvider clock, CancellationToken ct)
    {
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
