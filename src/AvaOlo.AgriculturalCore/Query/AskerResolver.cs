using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.Data;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Query;

/// <summary>Who is asking: a known farmer (id, country, language, records version) or an unknown phone's country.</summary>
public sealed record Asker(int? FarmerId, string? CountryCode, string? PreferredLanguage, long RecordsVersion);

public enum AskerProblem { None, FarmerNotFound, Forbidden, Missing }

public static class AskerResolver
{
    /// <summary>
    /// Farmer keys may only ask as their own farmer. Other keys name the farmer by id or phone; an unknown phone
    /// is answered without personal records, with the country its number belongs to.
    /// </summary>
    public static async Task<(Asker? Asker, AskerProblem Problem)> ResolveAsync(AvaOloDbContext db, Caller caller, QueryRules.Normalized q, CancellationToken ct)
    {
        if (caller.FarmerId is { } own)
        {
            if (q.FarmerId is { } id && id != own) return (null, AskerProblem.Forbidden);
            var me = await db.Farmers.AsNoTracking().Where(f => f.Id == own).Select(f => new { f.Id, f.CountryCode, f.PreferredLanguage, f.RecordsVersion, f.Phone }).FirstOrDefaultAsync(ct);
            if (me is null) return (null, AskerProblem.FarmerNotFound);
            if (q.Phone is not null && q.Phone != me.Phone) return (null, AskerProblem.Forbidden);
            return (new(me.Id, me.CountryCode, me.PreferredLanguage, me.RecordsVersion), AskerProblem.None);
        }
        var query = db.Farmers.AsNoTracking();
        if (q.FarmerId is { } farmerId) query = query.Where(f => f.Id == farmerId);
        else if (q.Phone is { } phone) query = query.Where(f => f.Phone == phone);
        else return (null, AskerProblem.Missing);
        var farmer = await query.Select(f => new { f.Id, f.CountryCode, f.PreferredLanguage, f.RecordsVersion }).FirstOrDefaultAsync(ct);
        if (farmer is not null) return (new(farmer.Id, farmer.CountryCode, farmer.PreferredLanguage, farmer.RecordsVersion), AskerProblem.None);
        return q.FarmerId is not null ? (null, AskerProblem.FarmerNotFound) : (new(null, q.PhoneCountry, null, 0), AskerProblem.None);
    }
}
