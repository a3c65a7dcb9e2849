using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Assistant.Exchanges;

/// <summary>Who is asking: a known farmer (id, country, language, records version) or an unknown phone's country.</summary>
/// <param name="SkipsReview">Asked through a --no-review key (benchmark traffic): not queued for agronomist review.</param>
public sealed record Asker(int? FarmerId, string? CountryCode, string? PreferredLanguage, long RecordsVersion, bool SkipsReview = false);

public enum AskerProblem { None, FarmerNotFound, Forbidden, Missing }

public static class AskerResolver
{
    // One indexed row, read on every question (cache hits too): hand-written, no DbContext. Soft-deleted farmers
    // are not there, as with EF's query filter on farmers.
    private const string ById = "SELECT id, country_code, preferred_language, records_version, phone FROM farmers WHERE id = $1 AND deleted_at IS NULL";
    private const string ByPhone = "SELECT id, country_code, preferred_language, records_version, phone FROM farmers WHERE phone = $1 AND deleted_at IS NULL";

    private sealed record Row(int Id, string? CountryCode, string? PreferredLanguage, long RecordsVersion, string Phone);

    /// <summary>
    /// Farmer keys may only ask as their own farmer. Other keys name the farmer by id or phone; an unknown phone
    /// is answered without personal records, with the country its number belongs to.
    /// </summary>
    public static async Task<(Asker? Asker, AskerProblem Problem)> ResolveAsync(NpgsqlDataSource data, Caller caller, QueryRules.Normalized q, CancellationToken ct)
    {
        if (caller.FarmerId is { } own)
        {
            if (q.FarmerId is { } id && id != own) return (null, AskerProblem.Forbidden);
            var me = await FindAsync(data, ById, own, ct);
            if (me is null) return (null, AskerProblem.FarmerNotFound);
            if (q.Phone is not null && q.Phone != me.Phone) return (null, AskerProblem.Forbidden);
            return (new(me.Id, me.CountryCode, me.PreferredLanguage, me.RecordsVersion, caller.SkipsReview), AskerProblem.None);
        }
        Row? farmer;
        if (q.FarmerId is { } farmerId) farmer = await FindAsync(data, ById, farmerId, ct);
        else if (q.Phone is { } phone) farmer = await FindAsync(data, ByPhone, phone, ct);
        else return (null, AskerProblem.Missing);
        if (farmer is not null) return (new(farmer.Id, farmer.CountryCode, farmer.PreferredLanguage, farmer.RecordsVersion, caller.SkipsReview), AskerProblem.None);
        return q.FarmerId is not null ? (null, AskerProblem.FarmerNotFound) : (new(null, q.PhoneCountry, null, 0, caller.SkipsReview), AskerProblem.None);
    }

    private static async Task<Row?> FindAsync(NpgsqlDataSource data, string sql, object key, CancellationToken ct) =>
        (await Sql.ListAsync(data, sql, static r => new Row(r.GetInt32(0), r.NullableString(1), r.NullableString(2), r.GetInt64(3), r.GetString(4)), ct, key))
        .FirstOrDefault();
}
