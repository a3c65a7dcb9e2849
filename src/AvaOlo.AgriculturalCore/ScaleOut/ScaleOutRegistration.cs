using AvaOlo.ServiceDefaults;
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
        services.AddSettings<RedisOptions>(o => o.Validate());
        // HybridCache picks up an IDistributedCache as its second level when one is registered, so whether there is
        // one is decided here, from the same binding (a bad URL is still reported at start by the validation).
        if (config.Get<RedisOptions>()?.Url is not null) services.AddSingleton<IDistributedCache, TolerantDistributedCache>();
        return services;
    }
}

/// <summary>REDIS_URL: the Redis shared by all instances, if any.</summary>
public sealed class RedisOptions
{
    private string? _url;

    [ConfigurationKeyName("REDIS_URL")]
    public string? Url { get => string.IsNullOrWhiteSpace(_url) ? null : _url; set => _url = value; }

    public IEnumerable<string> Validate()
    {
        if (Url is not null && !RedisUrl.TryParse(Url, out _, out _)) yield return RedisUrl.Help;
    }
}
