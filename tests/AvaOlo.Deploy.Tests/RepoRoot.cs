using System.Reflection;

namespace AvaOlo.Deploy.Tests;

internal static class RepoRoot
{
    /// <summary>The checkout this test assembly was built from (recorded at build time).</summary>
    public static string Find()
    {
        var recorded = typeof(RepoRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        if (!File.Exists(Path.Combine(recorded, "AvaOlo.slnx"))) throw new InvalidOperationException($"AvaOlo.slnx not found in {recorded}");
        return recorded;
    }
}
