using System.Globalization;
using AvaOlo.Testing;

namespace AvaOlo.Resilience.Tests;

public static class ServiceWithTestDatabase
{
    /// <summary>Environment for a core process over the test database, plus extra settings.</summary>
    public static Dictionary<string, string> Env(TestDatabase db, params (string Key, string Value)[] extra)
    {
        var env = db.Environment().ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var (k, v) in extra) env[k] = v;
        return env;
    }

    public static string Text(this int n) => n.ToString(CultureInfo.InvariantCulture);
}
