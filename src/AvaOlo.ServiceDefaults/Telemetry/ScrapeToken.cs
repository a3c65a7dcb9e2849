using System.Security.Cryptography;
using System.Text;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>
/// PROMETHEUS_SCRAPE_TOKEN, checked in constant time: both sides are hashed to 32 bytes first, so the comparison
/// takes as long for a near miss as for garbage and tells nothing of the token's length either. The scheme is
/// case-insensitive ("bearer" is as good as "Bearer", RFC 9110 §11.1).
/// </summary>
public sealed class ScrapeToken(string token)
{
    private readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public bool Accepts(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[7..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _hash);
    }
}
