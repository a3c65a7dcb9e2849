using System.Globalization;
using System.Threading.RateLimiting;
using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.AgriculturalCore.ScaleOut;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using AvaOlo.ServiceDefaults;

namespace AvaOlo.AgriculturalCore.Common;

/// <summary>
/// 1,000 requests per minute per farmer (RATE_LIMIT_PER_FARMER_PER_MINUTE). The farmer is the key's own farmer,
/// else the farmer named in the route, else the key itself; anonymous API calls share one bucket per address
/// (<see cref="RatePartition"/>: "007" and "7" are one farmer; an id that is no farmer's opens no partition).
/// With REDIS_URL set the limit is shared by all instances (<see cref="RedisFarmerLimiter"/>).
/// </summary>
public static class FarmerRateLimiting
{
    public static IServiceCollection AddFarmerRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddSettings<FarmerRateLimitOptions>(o => o.Validate());
        // Configured when first resolved, so settings from any source (tests included) apply.
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<FarmerRateLimitOptions>, RedisConnection, TimeProvider, ILoggerFactory>((o, limit, redis, clock, logs) =>
        {
            var perMinute = limit.Value.PerMinute;
            // Outside /api (health, docs) nothing is limited.
            Func<HttpContext, string?> partition = http => http.Request.Path.StartsWithSegments("/api") ? PartitionKey(http) : null;
            var local = new FarmerWindowLimiter(partition, perMinute, clock, logs.CreateLogger(typeof(FarmerWindowLimiter)));
            // With REDIS_URL the limit holds across instances; the in-process limiter stays as the fallback.
            o.GlobalLimiter = redis.Enabled
                ? new RedisFarmerLimiter(redis, local, partition, perMinute, clock, logs.CreateLogger(typeof(RedisFarmerLimiter)))
                : local;
            o.OnRejected = async (ctx, ct) =>
            {
                var http = ctx.HttpContext;
                var retry = SetRetryAfter(http, ctx.Lease);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = 429, Title = "Too many requests",
                        Detail = $"The limit is {perMinute} requests per minute per farmer; retry after {retry} s.",
                    },
                });
            };
        });
        return services;
    }

    /// <summary>Where a route that resolves its farmer itself (the query route) puts that farmer's partition.</summary>
    internal const string ResolvedPartition = "avaolo.rate.resolved";

    /// <summary>Retry-After from a refused lease (10 s when the limiter does not say), on the response; returns the seconds.</summary>
    internal static int SetRetryAfter(HttpContext http, RateLimitLease lease)
    {
        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 10;
        http.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        return retry;
    }

    internal static string? PartitionKey(HttpContext http)
    {
        if (http.Items.TryGetValue(ResolvedPartition, out var resolved) && resolved is string farmer) return farmer;
        if (http.User.Identity?.IsAuthenticated != true) return RatePartition.Anonymous(http.Connection.RemoteIpAddress);
        var caller = http.Caller();
        // A gateway asking on behalf of thousands of farmers is not one farmer: it is charged per farmer, by the
        // route, once the farmer is known (ChargeResolvedFarmer).
        if (caller.FarmerId is null && caller.Has(ApiScopes.QueryOnBehalf) && http.GetEndpoint()?.Metadata.GetMetadata<ResolvesFarmerMarker>() is not null)
            return null;
        var routeFarmer = http.GetEndpoint()?.Metadata.GetMetadata<FarmerRouteMarker>() is not null && http.Request.RouteValues.TryGetValue("id", out var id) ? id : null;
        return RatePartition.For(caller.KeyId, caller.FarmerId, routeFarmer, http.Connection.RemoteIpAddress);
    }
}

/// <summary>The per-farmer limit for a farmer a route found itself (<see cref="ResolvesFarmerMarker"/>).</summary>
public static class ResolvedFarmerLimit
{
    /// <summary>
    /// Charges one request to <paramref name="partition"/> ("farmer:7", or an unknown phone's subject) through the same
    /// limiter (shared over Redis when configured); a 429 problem when that farmer's minute is used up, else null.
    /// </summary>
    public static async ValueTask<ProblemHttpResult?> ChargeAsync(HttpContext http, string partition, CancellationToken ct)
    {
        http.Items[FarmerRateLimiting.ResolvedPartition] = partition;
        if (http.RequestServices.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter is not { } limiter) return null;
        // Asynchronously: the Redis limiter answers only that way (its synchronous attempt always says "not yet").
        using var lease = await limiter.AcquireAsync(http, 1, ct);
        if (lease.IsAcquired) return null;
        var retry = FarmerRateLimiting.SetRetryAfter(http, lease);
        var perMinute = http.RequestServices.GetRequiredService<IOptions<FarmerRateLimitOptions>>().Value.PerMinute;
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"The limit is {perMinute} requests per minute per farmer, and this farmer has reached it; retry after {retry} s.");
    }
}

/// <summary>Marks a route that finds its farmer in the request body, and charges the limit itself once it has.</summary>
public sealed class ResolvesFarmerMarker
{
    public static readonly ResolvesFarmerMarker Instance = new();
}

/// <summary>RATE_LIMIT_PER_FARMER_PER_MINUTE (default 1000).</summary>
public sealed class FarmerRateLimitOptions
{
    [ConfigurationKeyName("RATE_LIMIT_PER_FARMER_PER_MINUTE")] public int PerMinute { get; set; } = 1000;

    public IEnumerable<string> Validate()
    {
        if (PerMinute < 1) yield return "RATE_LIMIT_PER_FARMER_PER_MINUTE must be a whole number of requests, at least 1";
    }
}

/// <summary>Marks endpoints whose {id} route value is a farmer id, so limits follow the farmer.</summary>
public sealed class FarmerRouteMarker
{
    public static readonly FarmerRouteMarker Instance = new();
}
