using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Auth;

/// <summary>
/// Finds API keys by their public prefix. Lookups are cached for a short time so the hot path costs no
/// database round trip; a revoked key therefore stops working within <see cref="CacheFor"/>. A miss is one prepared
/// statement through <see cref="NpgsqlDataSource"/> rather than a DbContext: with many keys in use, misses are a
/// steady share of requests.
/// </summary>
public sealed class ApiKeyStore(NpgsqlDataSource data, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private const string Query =
        "SELECT id, name, prefix, secret_hash, scopes, farmer_id, created_at, last_used_at, revoked_at, expires_at, skips_review " +
        "FROM api_keys WHERE prefix = $1";

    public async Task<ApiKey?> FindValidAsync(string presented, CancellationToken ct)
    {
        if (ApiKeySecrets.PrefixOf(presented) is not { } prefix) return null;
        var key = await cache.GetOrCreateAsync($"apikey:{prefix}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            entry.Size = 1;
            return await ReadAsync(prefix, ct);
        });
        if (key is null || !ApiKeySecrets.Matches(presented, key.SecretHash)) return null;
        var now = clock.GetUtcNow();
        if (key.RevokedAt is not null || key.ExpiresAt <= now) return null;
        return key;
    }

    /// <summary>Drop a cached key at once (after revoking it here).</summary>
    public void Forget(string prefix) => cache.Remove($"apikey:{prefix}");

    private async Task<ApiKey?> ReadAsync(string prefix, CancellationToken ct) =>
        (await Sql.ListAsync(data, Query, static r => new ApiKey
        {
            Id = r.GetInt32(0), Name = r.GetString(1), Prefix = r.GetString(2),
            SecretHash = r.GetFieldValue<byte[]>(3), Scopes = r.GetFieldValue<string[]>(4), FarmerId = r.Nullable<int>(5),
            CreatedAt = r.GetFieldValue<DateTimeOffset>(6), LastUsedAt = r.Nullable<DateTimeOffset>(7),
            RevokedAt = r.Nullable<DateTimeOffset>(8), ExpiresAt = r.Nullable<DateTimeOffset>(9), SkipsReview = r.GetBoolean(10),
        }, ct, prefix)).FirstOrDefault();
}
