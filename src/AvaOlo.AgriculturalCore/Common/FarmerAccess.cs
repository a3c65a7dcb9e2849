using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Common;

/// <summary>Every id in a request is hostile until checked here against the caller's rights.</summary>
public static class FarmerAccess
{
    /// <summary>True when the farmer exists, is not deleted, and the caller may see them.</summary>
    public static async Task<bool> VisibleAsync(AvaOloDbContext db, Caller caller, int farmerId, CancellationToken ct) =>
        caller.CanAccess(farmerId) && await db.Farmers.AnyAsync(f => f.Id == farmerId, ct);

    public static ProblemHttpResult NotFound(string what, int id) =>
        TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"There is no {what} with id {id} that this API key may access.");
}
