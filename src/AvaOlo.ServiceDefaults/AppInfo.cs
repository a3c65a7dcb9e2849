using System.Reflection;

namespace AvaOlo.ServiceDefaults;

/// <summary>Name and version of the running service, as shown in /health and the vX.Y.Z badge.</summary>
public static class AppInfo
{
    public static string Version { get; } = ReadVersion();
    public static readonly DateTimeOffset StartedAt = DateTimeOffset.UtcNow;

    private static string ReadVersion()
    {
        var info = typeof(AppInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = info.IndexOf('+', StringComparison.Ordinal); // drop the "+commit" source-link suffix
        return plus < 0 ? info : info[..plus];
    }
}
