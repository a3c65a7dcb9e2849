using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AvaOlo.AgriculturalCore.ScaleOut;

/// <summary>
/// The optional Redis shared by all instances (REDIS_URL). Connecting never blocks start-up or a request:
/// the connection is made in the background and re-made by the client after a failure; until it is up,
/// <see cref="Database"/> is null and callers use their in-process fallback.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly Task<ConnectionMultiplexer>? _connecting;

    public RedisConnection(IOptions<RedisOptions> settings, ILogger<RedisConnection> log)
    {
        if (!RedisUrl.TryParse(settings.Value.Url, out var options, out _) || options is null) return;
        _connecting = ConnectionMultiplexer.ConnectAsync(options);
        _connecting.ContinueWith(t => log.LogWarning("Redis connection failed: {Error}", t.Exception?.GetBaseException().Message),
            TaskContinuationOptions.OnlyOnFaulted);
    }

    public bool Enabled => _connecting is not null;

    /// <summary>The database when connected now; null when Redis is not configured, not yet connected or down.</summary>
    public IDatabase? Database =>
        _connecting is { IsCompletedSuccessfully: true } t && t.Result.IsConnected ? t.Result.GetDatabase() : null;

    public async Task<IConnectionMultiplexer> MultiplexerAsync() =>
        await (_connecting ?? throw new InvalidOperationException("REDIS_URL is not set"));

    public async ValueTask DisposeAsync()
    {
        if (_connecting is { IsCompletedSuccessfully: true } t) await t.Result.DisposeAsync();
    }
}

/// <summary>REDIS_URL: <c>redis://[user][:password@]host[:port][/db]</c>, <c>rediss://…</c> (TLS), or a StackExchange.Redis configuration string.</summary>
public static class RedisUrl
{
    public const string Help = "REDIS_URL must be redis://[:password@]host[:port][/db], rediss://… or host:port[,options]";

    public static bool TryParse(string? raw, out ConfigurationOptions? options, out string? error)
    {
        (options, error) = (null, null);
        if (string.IsNullOrWhiteSpace(raw)) return false;
        try
        {
            options = raw.Contains("://", StringComparison.Ordinal) ? FromUri(new Uri(raw.Trim())) : ConfigurationOptions.Parse(raw.Trim());
            if (options.EndPoints.Count == 0) throw new FormatException("no host");
        }
        catch (Exception e) when (e is FormatException or ArgumentException or UriFormatException or RedisConnectionException)
        {
            (options, error) = (null, Help);
            return false;
        }
        // Fail fast and never abort: a down Redis must cost a request milliseconds, not seconds.
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = options.AsyncTimeout = 500;
        options.ClientName ??= "ava-olo-agricultural-core";
        return true;
    }

    private static ConfigurationOptions FromUri(Uri uri)
    {
        if (uri.Scheme is not ("redis" or "rediss")) throw new FormatException("scheme");
        var options = new ConfigurationOptions { Ssl = uri.Scheme == "rediss" };
        options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port);
        if (uri.UserInfo is { Length: > 0 } info)
        {
            var colon = info.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(colon < 0 ? info : info[..colon]);
            if (colon >= 0) options.Password = Uri.UnescapeDataString(info[(colon + 1)..]);
            if (user.Length > 0) options.User = user;
        }
        if (uri.AbsolutePath.Trim('/') is { Length: > 0 } db) options.DefaultDatabase = int.Parse(db, System.Globalization.CultureInfo.InvariantCulture);
        return options;
    }
}
