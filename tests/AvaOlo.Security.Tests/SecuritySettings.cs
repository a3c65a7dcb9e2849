using AvaOlo.Testing;

namespace AvaOlo.Security.Tests;

public static class SecuritySettings
{
    /// <summary>
    /// The services' settings over the test database, with the per-farmer limit out of the way: these suites send
    /// hundreds of hostile requests as one farmer, and are not rate-limit tests.
    /// </summary>
    public static Dictionary<string, string> Unlimited(this TestDatabase database) =>
        new(database.Environment()) { ["RATE_LIMIT_PER_FARMER_PER_MINUTE"] = "1000000" };
}
