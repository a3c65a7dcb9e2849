using System.Collections.Concurrent;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Auth;

/// <summary>
/// Finds API keys by their public prefix, with two caches of its own so the hot path costs no database round trip:
/// <list type="bullet">
/// <item>known keys (revoked ones included, so a revoked key is refused from memory), for <see cref="CacheFor"/>, or
/// <see cref="CacheForUnlistened"/> while <see cref="ApiKeyListener"/> is not connected. The listener drops a key the
/// moment its row changes on any instance, so a revocation takes effect everywhere within about a second; the
/// lifetime only bounds what a lost notification could cost.</item>
/// <item>unknown prefixes, a small bounded cache (<see cref="UnknownCapacity"/>, <see cref="UnknownFor"/>): a flood of
/// random well-formed keys is answered from memory when it repeats and can never evict a real key. A key created
/// meanwhile is announced by the same listener and works at once.</item>
/// </list>
/// However many requests present one prefix at once, it is read once (the others wait for that read). A read is one
/// prepared statement through <see cref="NpgsqlDataSource"/> rather than a DbContext.
/// </summary>
public sealed class ApiKeyStore(NpgsqlDataSource data, TimeProvider clock, int knownCapacity = ApiKeyStore.KnownCapacity, int unknownCapacity = ApiKeyStore.UnknownCapacity)
    : IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan CacheForUnlistened = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan UnknownFor = TimeSpan.FromSeconds(10);
    public const int KnownCapacity = 100_000;
    public const int UnknownCapacity = 10_000;

    private const string Query =
        "SELECT id, name, prefix, secret_hash, scopes, farmer_id, created_at, last_used_at, revoked_at, expires_at, skips_review " +
        "FROM api_keys WHERE prefix = $1";

    // Found keys (value ApiKey) and unknown prefixes (value Unknown) live apart, each with its own size limit.
    private readonly MemoryCache _known = new(new MemoryCacheOptions { SizeLimit = knownCapacity });
    private readonly MemoryCache _unknown = new(new MemoryCacheOptions { SizeLimit = unknownCapacity });
    private readonly ConcurrentDictionary<string, Task<ApiKey?>> _reading = new(StringComparer.Ordinal);
    private long _generation; // bumped by every invalidation: a read that overlapped one is used but not cached
    private long _reads;

    private volatile bool _listening;

    /// <summary>Set by <see cref="ApiKeyListener"/>: true while changes are being announced to this instance.</summary>
    public bool Listening { get => _listening; internal set => _listening = value; }

    /// <summary>Database reads so far (for tests and diagnostics).</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Unknown prefixes remembered now; never more than the capacity.</summary>
    public int UnknownCount => _unknown.Count;

    public async Task<ApiKey?> FindValidAsync(string presented, CancellationToken ct)
    {
        if (ApiKeySecrets.PrefixOf(presented) is not { } prefix) return null;
        if (!_known.TryGetValue(prefix, out ApiKey? key))
        {
            if (_unknown.TryGetValue(prefix, out _)) return null;
            key = await ReadOnceAsync(prefix).WaitAsync(ct);
        }
        if (key is null || !ApiKeySecrets.Matches(presented, key.SecretHash)) return null;
        var now = clock.GetUtcNow();
        if (key.RevokedAt is not null || key.ExpiresAt <= now) return null;
        return key;
    }

    /// <summary>Drop what is cached for a prefix (its row changed, here or on another instance).</summary>
    public void Forget(string prefix)
    {
        Interlocked.Increment(ref _generation);
        _known.Remove(prefix);
        _unknown.Remove(prefix);
    }

    /// <summary>Drop everything: after the listener lost its connection, any key may have changed unannounced.</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _known.Clear();
        _unknown.Clear();
    }

    public void Dispose()
    {
        _known.Dispose();
        _unknown.Dispose();
    }

    // One read per prefix at a time; it is not cancelled by any one request, and the database's command timeout bounds it.
    private Task<ApiKey?> ReadOnceAsync(string prefix)
    {
        while (true)
        {
            if (_reading.TryGetValue(prefix, out var running)) return running;
            var read = new TaskCompletionSource<ApiKey?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_reading.TryAdd(prefix, read.Task)) continue;
            _ = ReadAndCacheAsync(prefix, read);
            return read.Task;
        }
    }

    private async Task ReadAndCacheAsync(string prefix, TaskCompletionSource<ApiKey?> read)
    {
        try
        {
            var generation = Interlocked.Read(ref _generation);
            Interlocked.Increment(ref _reads);
            var key = await ReadAsync(prefix);
            if (Interlocked.Read(ref _generation) == generation)
            {
                if (key is null) _unknown.Set(prefix, Unknown.Instance, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = UnknownFor, Size = 1 });
                else _known.Set(prefix, key, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Listening ? CacheFor : CacheForUnlistened, Size = 1 });
            }
            read.SetResult(key);
        }
        catch (Exception e)
        {
            read.SetException(e);
        }
        finally
        {
            _reading.TryRemove(new KeyValuePair<string, Task<ApiKey?>>(prefix, read.Task));
        }
    }

    private async Task<ApiKey?> ReadAsync(string prefix) =>
        (await Sql.ListAsync(data, Query, static r => new ApiKey
        {
            Id = r.GetInt32(0), Name = r.GetString(1), Prefix = r.GetString(2),
            SecretHash = r.GetFieldValue<byte[]>(3), Scopes = r.GetFieldValue<string[]>(4), FarmerId = r.Nullable<int>(5),
            CreatedAt = r.GetFieldValue<DateTimeOffset>(6), LastUsedAt = r.Nullable<DateTimeOffset>(7),
            RevokedAt = r.Nullable<DateTimeOffset>(8), ExpiresAt = r.Nullable<DateTimeOffset>(9), SkipsReview = r.GetBoolean(10),
        }, CancellationToken.None, prefix)).FirstOrDefault();

    private sealed class Unknown
    {
        public static readonly Unknown Instance = new();
    }
}
