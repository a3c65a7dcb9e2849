using System.Collections.Concurrent;

namespace AvaOlo.MonitoringDashboards.Auth;

/// <summary>The throttling rule, as a pure function: how long to wait, given the recent failures.</summary>
public static class LoginThrottlePolicy
{
    public const int MaxFailuresPerUsername = 5;
    public const int MaxFailuresPerAddress = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Zero when another attempt may be made; otherwise the time until the oldest of the last <paramref name="limit"/>
    /// failures leaves the window. <paramref name="failures"/> are in the order they happened.
    /// </summary>
    public static TimeSpan RetryAfter(IReadOnlyList<DateTimeOffset> failures, DateTimeOffset now, int limit, TimeSpan window)
    {
        var recent = failures.Where(f => f > now - window).ToList();
        if (recent.Count < limit) return TimeSpan.Zero;
        return recent[^limit] + window - now;
    }
}

/// <summary>
/// Failed sign-ins per username and per client address, in memory (per instance: the limit is per instance, which
/// still turns password guessing from thousands of tries a minute into a handful per quarter hour). Bounded: at
/// most <see cref="MaxKeys"/> keys and <see cref="LoginThrottlePolicy.MaxFailuresPerAddress"/> timestamps per key.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxKeys = 10_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>Usernames and addresses currently remembered (for the memory bound's test).</summary>
    public int TrackedKeys => _failures.Count;

    /// <summary>How long this username or address must wait before trying again (zero: go ahead).</summary>
    public TimeSpan RetryAfter(string username, string? address)
    {
        var now = clock.GetUtcNow();
        var byUser = Wait(UserKey(username), now, LoginThrottlePolicy.MaxFailuresPerUsername);
        var byAddress = address is null ? TimeSpan.Zero : Wait(AddressKey(address), now, LoginThrottlePolicy.MaxFailuresPerAddress);
        return byUser > byAddress ? byUser : byAddress;
    }

    public void Failed(string username, string? address)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count >= MaxKeys) Prune(now);
        Add(UserKey(username), now);
        if (address is not null) Add(AddressKey(address), now);
    }

    /// <summary>A successful sign-in clears the username's failures (not the address's: others may share it).</summary>
    public void Succeeded(string username) => _failures.TryRemove(UserKey(username), out _);

    private TimeSpan Wait(string key, DateTimeOffset now, int limit)
    {
        if (!_failures.TryGetValue(key, out var queue)) return TimeSpan.Zero;
        lock (queue) return LoginThrottlePolicy.RetryAfter(queue.ToList(), now, limit, LoginThrottlePolicy.Window);
    }

    private void Add(string key, DateTimeOffset now)
    {
        var queue = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            queue.Enqueue(now);
            while (queue.Count > LoginThrottlePolicy.MaxFailuresPerAddress || (queue.Count > 0 && queue.Peek() <= now - LoginThrottlePolicy.Window)) queue.Dequeue();
        }
    }

    /// <summary>Drops keys with no failure inside the window; if a flood of fresh keys remains, drops them all.</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, queue) in _failures)
        {
            bool stale;
            lock (queue) stale = queue.Count == 0 || queue.Last() <= now - LoginThrottlePolicy.Window;
            if (stale) _failures.TryRemove(key, out _);
        }
        if (_failures.Count >= MaxKeys) _failures.Clear();
    }

    private static string UserKey(string username) => "u:" + username.Trim().ToLowerInvariant();
    private static string AddressKey(string address) => "a:" + address;
}
