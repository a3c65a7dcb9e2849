using System.Threading.RateLimiting;
using AvaOlo.AgriculturalCore.Common;
using StackExchange.Redis;

namespace AvaOlo.AgriculturalCore.ScaleOut;

/// <summary>
/// The per-farmer limit shared by every instance through Redis: a sliding window approximated from two fixed
/// one-minute counters (this minute's, plus the previous minute's weighted by how much of it is still inside the
/// window), checked and incremented in one Lua script, so it is atomic across instances. Refused requests are not
/// counted. When Redis is not connected or does not answer within its timeout, the instance's own in-process
/// limiter decides instead: a Redis outage never fails or slows a request.
/// </summary>
public sealed class RedisFarmerLimiter(
    RedisConnection redis, PartitionedRateLimiter<HttpContext> local, Func<HttpContext, string?> partition, int perMinute,
    TimeProvider clock, ILogger log) : PartitionedRateLimiter<HttpContext>
{
    private const string Script = """
        local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
        local prev = tonumber(redis.call('GET', KEYS[2]) or '0')
        if math.floor(prev * tonumber(ARGV[1]) / 1000) + cur >= tonumber(ARGV[2]) then return -1 end
        cur = redis.call('INCR', KEYS[1])
        if cur == 1 then redis.call('PEXPIRE', KEYS[1], 120000) end
        return cur
        """;

    private static readonly RateLimitLease NotYet = LimiterLease.Refused(null);
    private long _lastWarning;

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    // The middleware tries this synchronous path first and, when it is not granted, awaits AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(HttpContext http, int permitCount) =>
        redis.Database is null || partition(http) is null ? local.AttemptAcquire(http, permitCount) : NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext http, int permitCount, CancellationToken ct)
    {
        if (partition(http) is not { } key || redis.Database is not { } db) return await local.AcquireAsync(http, permitCount, ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var minute = now / 60_000;
        var intoWindow = now % 60_000;
        var previousWeight = 1000 - intoWindow / 60; // per mille of the previous minute still inside the window
        try
        {
            var result = (long)await db.ScriptEvaluateAsync(Script,
                [(RedisKey)$"avaolo:rl:{key}:{minute}", (RedisKey)$"avaolo:rl:{key}:{minute - 1}"], [previousWeight, perMinute]);
            return result >= 0 ? LimiterLease.Granted : LimiterLease.Refused(TimeSpan.FromMilliseconds(Math.Max(1000, 60_000 - intoWindow)));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Warn(e);
            return await local.AcquireAsync(http, permitCount, ct);
        }
    }

    private void Warn(Exception e)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarning);
        if (last != 0 && now - last < 30_000) return;
        if (Interlocked.CompareExchange(ref _lastWarning, now, last) == last)
            log.LogWarning("Redis rate limit unavailable ({Error}); this instance limits on its own meanwhile", e.GetBaseException().Message);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) local.Dispose();
        base.Dispose(disposing);
    }
}
