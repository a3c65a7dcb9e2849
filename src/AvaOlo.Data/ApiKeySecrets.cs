using System.Security.Cryptography;
using System.Text;

namespace AvaOlo.Data;

/// <summary>
/// API keys look like "ava_3kf9q2xw_&lt;43 chars of base64url&gt;": a public prefix to find the row and a 256-bit
/// secret of which only the SHA-256 is stored. Shown once at creation, never recoverable.
/// </summary>
public static class ApiKeySecrets
{
    public const string Scheme = "ava";

    public static (string Key, string Prefix, byte[] Hash) Generate()
    {
        var prefix = $"{Scheme}_{RandomToken(6).ToLowerInvariant().Replace('-', 'x').Replace('_', 'y')}";
        var key = $"{prefix}_{RandomToken(32)}";
        return (key, prefix, Hash(key));
    }

    /// <summary>
    /// The prefix of a presented key, or null when it is not shaped like one of ours: "ava_" and 4–16 lowercase letters
    /// or digits (<see cref="Generate"/> makes 8), then "_" and the secret. Anything else is refused without a look-up,
    /// so garbage costs neither a database read nor a cache entry.
    /// </summary>
    public static string? PrefixOf(string? presented)
    {
        if (presented is null || presented.Length is < 20 or > 200 || !presented.StartsWith(Scheme + "_", StringComparison.Ordinal)) return null;
        var second = presented.IndexOf('_', Scheme.Length + 1);
        var body = second - Scheme.Length - 1;
        if (body is < 4 or > 16 || second == presented.Length - 1) return null;
        foreach (var c in presented.AsSpan(Scheme.Length + 1, body))
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c)) return null;
        return presented[..second];
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Constant-time comparison so response timing tells nothing about the stored hash.</summary>
    public static bool Matches(string presented, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(presented), storedHash);

    private static string RandomToken(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
