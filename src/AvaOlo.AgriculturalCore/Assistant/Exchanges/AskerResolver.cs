using System.Security.Cryptography;
using System.Text;
using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Assistant.Exchanges;

/// <summary>
/// Who is asking: a known farmer (id, country, language, records version), or an unknown phone (its E.164 number
/// and country), answered without personal records.
/// </summary>
/// <param name="SkipsReview">Asked through a --no-review key (benchmark traffic): not queued for agronomist review.</param>
public sealed record Asker(int? FarmerId, string? CountryCode, string? PreferredLanguage, long RecordsVersion, string? Phone = null, bool SkipsReview = false)
{
    /// <summary>
    /// The asker as one stable string — "farmer:12", or "phone:" and a SHA-256 prefix of an unknown number — for the
    /// limits, the daily model budget and the ownership of a conversation thread.
    /// </summary>
    public string Subject => FarmerId is { } id ? $"farmer:{id}" : $"phone:{PhoneHash(Phone ?? "")}";

    public static string PhoneHash(string e164) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(e164)))[..24];
}

/// <summary>
/// A question's asker and what the asking client may do: the channel, the API key (none on a messaging channel,
/// where the provider's signature proves the sender), whether the model may propose changes to the asker's records
/// (the caller may write them), and the integration key whose own daily model budget also applies.
/// </summary>
public sealed record Asking(Asker Asker, string Channel, int? ApiKeyId, bool MayWriteRecords, int? IntegrationKeyId)
{
    /// <summary>An API caller: a farmer key asks as itself; a gateway key asks on behalf of the farmer it named.</summary>
    public static Asking ForCaller(Asker asker, Caller caller, string channel = "api") => new(asker, channel, caller.KeyId,
        asker.FarmerId is { } id && caller.Has(ApiScopes.RecordsWrite) && caller.CanAccess(id),
        caller.FarmerId is null ? caller.KeyId : null);

    /// <summary>The sender of a signed channel message (e.g. WhatsApp): the farmer themself, with a farmer's rights.</summary>
    public static Asking ForSender(Asker asker, string channel) => new(asker, channel, null, asker.FarmerId is not null, null);
}

public enum AskerProblem { None, FarmerNotFound, Forbidden, NeedsOnBehalf, Missing }

public static class AskerResolver
{
    // One indexed row, read on every question (cache hits too): hand-written, no DbContext. Soft-deleted farmers
    // are not there, as with EF's query filter on farmers.
    private const string ById = "SELECT id, country_code, preferred_language, records_version, phone FROM farmers WHERE id = $1 AND deleted_at IS NULL";
    private const string ByPhone = "SELECT id, country_code, preferred_language, records_version, phone FROM farmers WHERE phone = $1 AND deleted_at IS NULL";

    private sealed record Row(int Id, string? CountryCode, string? PreferredLanguage, long RecordsVersion, string Phone);

    /// <summary>
    /// A farmer key asks only as its own farmer. Any other key that names a farmer — by id or by phone, known or not —
    /// needs the query:on-behalf scope: with plain "query" a key could read (and through the model change) every
    /// farmer's records. An unknown phone is answered without personal records, with the country of its number.
    /// </summary>
    public static async Task<(Asker? Asker, AskerProblem Problem)> ResolveAsync(NpgsqlDataSource data, Caller caller, QueryRules.Normalized q, CancellationToken ct)
    {
        if (caller.FarmerId is { } own)
        {
            if (q.FarmerId is { } id && id != own) return (null, AskerProblem.Forbidden);
            var me = await FindAsync(data, ById, own, ct);
            if (me is null) return (null, AskerProblem.FarmerNotFound);
            if (q.Phone is not null && q.Phone != me.Phone) return (null, AskerProblem.Forbidden);
            return (ToAsker(me) with { SkipsReview = caller.SkipsReview }, AskerProblem.None);
        }
        if (q.FarmerId is null && q.Phone is null) return (null, AskerProblem.Missing);
        if (!caller.Has(ApiScopes.QueryOnBehalf)) return (null, AskerProblem.NeedsOnBehalf);
        var (asker, problem) = await ByPhoneOrIdAsync(data, q.FarmerId, q.Phone, q.PhoneCountry, ct);
        return (asker is null ? null : asker with { SkipsReview = caller.SkipsReview }, problem);
    }

    /// <summary>The asker behind a verified phone number (a messaging channel's sender): a farmer, or an unknown number.</summary>
    public static async Task<Asker> ForPhoneAsync(NpgsqlDataSource data, string e164, string? phoneCountry, CancellationToken ct) =>
        (await ByPhoneOrIdAsync(data, null, e164, phoneCountry, ct)).Asker!;

    private static async Task<(Asker? Asker, AskerProblem Problem)> ByPhoneOrIdAsync(NpgsqlDataSource data, int? farmerId, string? phone,
        string? phoneCountry, CancellationToken ct)
    {
        var farmer = farmerId is { } byId ? await FindAsync(data, ById, byId, ct) : await FindAsync(data, ByPhone, phone!, ct);
        if (farmer is not null) return (ToAsker(farmer), AskerProblem.None);
        return farmerId is not null ? (null, AskerProblem.FarmerNotFound) : (new(null, phoneCountry, null, 0, phone), AskerProblem.None);
    }

    private static Asker ToAsker(Row r) => new(r.Id, r.CountryCode, r.PreferredLanguage, r.RecordsVersion);

    private static async Task<Row?> FindAsync(NpgsqlDataSource data, string sql, object key, CancellationToken ct) =>
        (await Sql.ListAsync(data, sql, static r => new Row(r.GetInt32(0), r.NullableString(1), r.NullableString(2), r.GetInt64(3), r.GetString(4)), ct, key))
        .FirstOrDefault();
}
