using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace AvaOlo.AgriculturalCore.ScaleOut;

/// <summary>
/// HybridCache's shared second level (L2) in Redis, which must never fail a request: while Redis is down a read is
/// a miss and a write is skipped (each instance still has its in-memory L1), and nothing waits for a reconnect.
/// </summary>
public sealed class TolerantDistributedCache(RedisConnection redis, ILogger<TolerantDistributedCache> log) : IDistributedCache
{
    private const string Prefix = "avaolo:cache:";
    private long _lastWarning;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        if (redis.Database is not { } db) return null;
        try { return await db.StringGetAsync(Prefix + key); }
        catch (Exception e) when (e is RedisException or TimeoutException) { Warn(e); return null; }
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (redis.Database is not { } db) return;
        var ttl = options.AbsoluteExpirationRelativeToNow
            ?? (options.AbsoluteExpiration is { } at ? at - DateTimeOffset.UtcNow : options.SlidingExpiration) ?? TimeSpan.FromHours(1);
        try { await db.StringSetAsync(Prefix + key, value, ttl); }
        catch (Exception e) when (e is RedisException or TimeoutException) { Warn(e); }
    }

    public void Refresh(string key) { }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        if (redis.Database is not { } db) return;
        try { await db.KeyDeleteAsync(Prefix + key); }
        catch (Exception e) when (e is RedisException or TimeoutException) { Warn(e); }
    }

    /// <summary>At most one warning every 30 s, so an outage does not flood the log.</summary>
    private void Warn(Exception e)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarning);
        if (now - last < 30_000 && last != 0) return;
        if (Interlocked.CompareExchange(ref _lastWarning, now, last) == last)
            log.LogWarning("Redis cache unavailable ({Error}); answering from this instance's memory", e.GetBaseException().Message);
    }
}
