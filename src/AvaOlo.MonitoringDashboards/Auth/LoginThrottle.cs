using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AvaOlo.Data;
using Npgsql;

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
/// Failed sign-ins per username and per client address, in PostgreSQL (login_failures), so the limits hold across
/// every instance. An attempt is counted as a failure before its password is checked, under a per-username advisory
/// lock: parallel guesses on several instances cannot slip past the limit between the check and the count. A
/// success removes its own count and the username's failures. Each attempt also deletes up to 100 rows that left
/// the window, so the table holds about one window of attempts and nothing older.
/// </summary>
public sealed class LoginThrottle(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const int PrunePerAttempt = 100;

    /// <summary>An attempt: wait this long first (nothing counted), or go ahead with these rows counted as failures.</summary>
    public sealed record Attempt(TimeSpan RetryAfter, long[] Counted);

    public async Task<Attempt> BeginAsync(string username, string? address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = UserKey(username);
        var keys = address is null ? [user] : new[] { user, AddressKey(address) };
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync("SELECT pg_advisory_xact_lock($1)", ct, BinaryPrimitives.ReadInt64BigEndian(user));
        var recent = await conn.ListAsync("SELECT key, at FROM login_failures WHERE key = ANY($1) AND at > $2 ORDER BY at, id",
            r => (Key: r.GetFieldValue<byte[]>(0), At: r.GetFieldValue<DateTimeOffset>(1)), ct, keys, now - LoginThrottlePolicy.Window);
        var wait = keys.Select((k, i) => LoginThrottlePolicy.RetryAfter(
                recent.Where(f => f.Key.AsSpan().SequenceEqual(k)).Select(f => f.At).ToList(), now,
                i == 0 ? LoginThrottlePolicy.MaxFailuresPerUsername : LoginThrottlePolicy.MaxFailuresPerAddress, LoginThrottlePolicy.Window))
            .Max();
        long[] counted = [];
        if (wait == TimeSpan.Zero)
        {
            counted = [.. await conn.ListAsync("INSERT INTO login_failures (key, at) SELECT k, $2 FROM unnest($1::bytea[]) k RETURNING id",
                r => r.GetInt64(0), ct, keys, now)];
            await conn.ExecuteAsync("""
                DELETE FROM login_failures WHERE id IN
                  (SELECT id FROM login_failures WHERE at <= $1 ORDER BY at LIMIT $2 FOR UPDATE SKIP LOCKED)
                """, ct, now - LoginThrottlePolicy.Window, PrunePerAttempt);
        }
        await tx.CommitAsync(ct);
        return new Attempt(wait, counted);
    }

    /// <summary>The password was right: the attempt was no failure, and the username's earlier failures are forgiven (not the address's: others may share it).</summary>
    public async Task SucceededAsync(string username, Attempt attempt, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync("DELETE FROM login_failures WHERE key = $1 OR id = ANY($2)", ct, UserKey(username), attempt.Counted);
    }

    private static byte[] UserKey(string username) => Hash("u:" + username.Trim().ToLowerInvariant());

    private static byte[] AddressKey(string address) => Hash("a:" + address);

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
