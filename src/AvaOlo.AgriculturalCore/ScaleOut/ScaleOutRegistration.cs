using Microsoft.Extensions.Caching.Distributed;

namespace AvaOlo.AgriculturalCore.ScaleOut;

public static class ScaleOutRegistration
{
    /// <summary>
    /// With REDIS_URL set, instances share cached answers (HybridCache's L2) and the per-farmer rate limit; without
    /// it each instance keeps both in memory. A bad REDIS_URL stops start-up with one line.
    /// </summary>
    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<RedisConnection>();
        services.AddOptions<RedisSettings>()
            .Validate<IConfiguration>((settings, c) => string.IsNullOrWhiteSpace(c["REDIS_URL"]) || RedisUrl.TryParse(c["REDIS_URL"], out _, out _), RedisUrl.Help)
            .ValidateOnStart();
        // HybridCache picks up an IDistributedCache as its second level when one is registered.
        if (!string.IsNullOrWhiteSpace(config["REDIS_URL"])) services.AddSingleton<IDistributedCache, TolerantDistributedCache>();
        return services;
    }

    /// <summary>Carries no values: it exists so REDIS_URL is checked with the other start-up validations.</summary>
    public sealed class RedisSettings;
}
