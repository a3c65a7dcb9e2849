using System.Security.Cryptography;
using System.Text;
using AvaOlo.Data;
using Xunit;

namespace AvaOlo.Cli.Tests;

public sealed class ScramVerifierTests
{
    // RFC 7677, section 3: the SCRAM-SHA-256 exchange for user "user", password "pencil".
    private const string Salt = "W22ZaJ0SNY7soEsUEjb6gQ==";
    private const string AuthMessage = "n=user,r=rOprNGfwEbeRWgbNEkqO,"
        + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
        + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private const string ClientProof = "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private const string ServerSignature = "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    [Fact]
    public void The_verifier_of_pencil_accepts_the_rfc_7677_client_and_signs_as_its_server()
    {
        var verifier = ScramVerifier.Create("pencil", Convert.FromBase64String(Salt), 4096);
        // SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>, as PostgreSQL stores it.
        var parts = verifier.Split('$');
        Assert.Equal(["SCRAM-SHA-256", $"4096:{Salt}"], parts[..2]);
        var keys = parts[2].Split(':').Select(Convert.FromBase64String).ToArray();

        var auth = Encoding.ASCII.GetBytes(AuthMessage);
        Assert.Equal(ServerSignature, Convert.ToBase64String(HMACSHA256.HashData(keys[1], auth)));
        // The server checks a proof by recovering the client key from it and hashing it to the stored key.
        var clientSignature = HMACSHA256.HashData(keys[0], auth);
        var clientKey = Convert.FromBase64String(ClientProof).Zip(clientSignature, (a, b) => (byte)(a ^ b)).ToArray();
        Assert.Equal(keys[0], SHA256.HashData(clientKey));
    }

    [Fact]
    public void Each_verifier_has_its_own_salt_and_never_contains_the_password()
    {
        var a = ScramVerifier.Create("long-enough-password-1");
        var b = ScramVerifier.Create("long-enough-password-1");
        Assert.NotEqual(a, b);
        Assert.DoesNotContain("long-enough", a, StringComparison.Ordinal);
        Assert.DoesNotContain('\'', a); // safe inside the single-quoted literal of ALTER ROLE
    }
}
