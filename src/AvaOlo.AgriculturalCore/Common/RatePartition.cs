using System.Globalization;
using System.Net;

namespace AvaOlo.AgriculturalCore.Common;

/// <summary>
/// Partition keys of the per-farmer limit, as pure functions (table-tested; the query route reuses
/// <see cref="Farmer"/> once it knows who asks). One farmer is one partition however the id was written, and a
/// value that is not a farmer id never opens a partition of its own.
/// </summary>
public static class RatePartition
{
    public const string AnonymousPrefix = "ip:";

    public static string Farmer(int farmerId) => "farmer:" + farmerId.ToString(CultureInfo.InvariantCulture);

    public static string Key(int keyId) => "key:" + keyId.ToString(CultureInfo.InvariantCulture);

    public static string Anonymous(IPAddress? address) => AnonymousPrefix + address;

    /// <summary>
    /// The farmer id a route value names, read as the endpoint binds it ("7", "007", "+7" and " 7" are all farmer 7);
    /// null when it is no positive int ("0", "-1", "abc", "99999999999"), which the endpoint refuses anyway.
    /// </summary>
    public static int? FarmerId(object? routeValue) =>
        routeValue is string s && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>
    /// The key's own farmer; else the farmer the route names (for an integration or admin key); else the key itself,
    /// so an invalid route id costs the key's budget instead of opening a partition; anonymous calls by address.
    /// </summary>
    public static string For(int? keyId, int? keyFarmerId, object? routeFarmerId, IPAddress? address) =>
        keyId is not { } key ? Anonymous(address)
        : keyFarmerId is { } own ? Farmer(own)
        : FarmerId(routeFarmerId) is { } named ? Farmer(named)
        : Key(key);
}
