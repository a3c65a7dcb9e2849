using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace AvaOlo.AgriculturalCore.Auth;

/// <summary>
/// Finds API keys by their public prefix. Lookups are cached for a short time so the hot path costs no
/// database round trip; a revoked key therefore stops working within <see cref="CacheFor"/>.
/// </summary>
public sealed class ApiKeyStore(IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<ApiKey?> FindValidAsync(string presented, CancellationToken ct)
    {
        if (ApiKeySecrets.PrefixOf(presented) is not { } prefix) return null;
        var key = await cache.GetOrCreateAsync($"apikey:{prefix}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            entry.Size = 1;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AvaOloDbContext>();
            return await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, ct);
        });
        if (key is null || !ApiKeySecrets.Matches(presented, key.SecretHash)) return null;
        var now = clock.GetUtcNow();
        if (key.RevokedAt is not null || key.ExpiresAt <= now) return null;
        return key;
    }

    /// <summary>Drop a cached key at once (after revoking it here).</summary>
    public void Forget(string prefix) => cache.Remove($"apikey:{prefix}");
}
