using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Common;

/// <summary>Every id in a request is hostile until checked here against the caller's rights.</summary>
public static class FarmerAccess
{
    /// <summary>True when the farmer exists, is not deleted, and the caller may see them.</summary>
    public static async Task<bool> VisibleAsync(AvaOloDbContext db, Caller caller, int farmerId, CancellationToken ct) =>
        caller.CanAccess(farmerId) && await db.Farmers.AnyAsync(f => f.Id == farmerId, ct);

    /// <summary>
    /// The record with this id when it belongs to a visible (not deleted) farmer the caller may access, else null: another
    /// farmer's record answers 404 exactly like one that does not exist. The one ownership check of fields, plantings and tasks.
    /// </summary>
    public static async Task<T?> FindOwnedAsync<T>(this IQueryable<T> records, AvaOloDbContext db, Caller caller, int id, CancellationToken ct)
        where T : class, IFarmerOwned
    {
        // db.Farmers carries the soft-delete query filter, so a deleted farmer's records are not found either.
        var record = await records.FirstOrDefaultAsync(r => r.Id == id && db.Farmers.Any(f => f.Id == r.FarmerId), ct);
        return record is not null && caller.CanAccess(record.FarmerId) ? record : null;
    }

    public static ProblemHttpResult NotFound(string what, int id) =>
        TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"There is no {what} with id {id} that this API key may access.");
}
