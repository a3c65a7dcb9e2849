using System.Security.Cryptography;
using System.Text;

namespace AvaOlo.Data;

/// <summary>
/// The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802/7677; what psql's \password sends).
/// <c>ALTER ROLE … PASSWORD</c> with a verifier instead of the password keeps the clear text out of the server's
/// statement log and pg_stat_activity. Passwords are printable ASCII (<see cref="ServiceRole"/>), for which
/// PostgreSQL's SASLprep changes nothing.
/// </summary>
public static class ScramVerifier
{
    public const int Iterations = 4096; // PostgreSQL's default scram_iterations

    public static string Create(string password) => Create(password, RandomNumberGenerator.GetBytes(16), Iterations);

    public static string Create(string password, byte[] salt, int iterations)
    {
        var (storedKey, serverKey) = Keys(password, salt, iterations);
        return $"SCRAM-SHA-256${iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }

    public static (byte[] StoredKey, byte[] ServerKey) Keys(string password, byte[] salt, int iterations)
    {
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        return (SHA256.HashData(clientKey), HMACSHA256.HashData(salted, "Server Key"u8));
    }
}
