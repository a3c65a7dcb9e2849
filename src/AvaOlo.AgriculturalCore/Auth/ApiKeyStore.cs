using System.Diagnostics;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.ServiceDefaults.Telemetry;
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

    internal const string Sql =
        "SELECT id, name, prefix, secret_hash, scopes, farmer_id, created_at, last_used_at, revoked_at, expires_at " +
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

    private async Task<ApiKey?> ReadAsync(string prefix, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var cmd = data.CreateCommand(Sql);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        ApiKey? key = null;
        if (await reader.ReadAsync(ct))
        {
            key = new ApiKey
            {
                Id = reader.GetInt32(0), Name = reader.GetString(1), Prefix = reader.GetString(2),
                SecretHash = reader.GetFieldValue<byte[]>(3), Scopes = reader.GetFieldValue<string[]>(4),
                FarmerId = reader.IsDBNull(5) ? null : reader.GetInt32(5),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(6),
                LastUsedAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                RevokedAt = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                ExpiresAt = reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
            };
        }
        AvaOloMetrics.RecordDatabaseQueryTime(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return key;
    }
}
