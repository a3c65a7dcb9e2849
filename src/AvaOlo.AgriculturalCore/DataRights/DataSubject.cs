using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.Data;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.DataRights;

/// <summary>Whose data a request is about: checked against the caller before anything is read or scheduled.</summary>
internal static class DataSubject
{
    /// <summary>
    /// The farmer exists and the caller may act for them. A soft-deleted farmer's data is still held, so admins can still
    /// export or erase it; their own keys were revoked with the delete. An erased farmer no longer exists at all.
    /// </summary>
    public static async Task<bool> VisibleAsync(AvaOloDbContext db, Caller caller, int farmerId, CancellationToken ct) =>
        caller.CanAccess(farmerId)
        && await db.Farmers.IgnoreQueryFilters().AnyAsync(f => f.Id == farmerId && (f.DeletedAt == null || caller.IsAdmin), ct);
}
