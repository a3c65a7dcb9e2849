using System.Globalization;
using Microsoft.Extensions.Configuration.Memory;

namespace AvaOlo.MonitoringDashboards.Hosting;

public static class PortBinding
{
    public const int DefaultPort = 8080;

    /// <summary>
    /// Listens on all interfaces at PORT, the operators' variable. The address goes in as the lowest-priority
    /// "urls" setting, so ASPNETCORE_URLS, --urls or a test host's own Kestrel binding still win; it also wins
    /// over ASPNETCORE_HTTP_PORTS, which the official container images preset.
    /// </summary>
    public static WebApplicationBuilder ListenOnPortVariable(this WebApplicationBuilder builder)
    {
        var raw = builder.Configuration["PORT"];
        var port = Parse(raw);
        if (port is not null)
        {
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
            {
                InitialData = [new("urls", $"http://0.0.0.0:{port}")],
            });
        }
        // A bad PORT stops the host at start with one clear line (HostRunner), not at the first request.
        builder.Services.AddOptions<PortSetting>()
            .Validate(_ => port is not null, $"PORT must be a whole number between 1 and 65535 (got \"{raw}\")")
            .ValidateOnStart();
        return builder;
    }

    /// <summary>The port to use: the default when PORT is unset or blank, null when PORT is not a valid port.</summary>
    public static int? Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return DefaultPort;
        return int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : null;
    }

    /// <summary>Carries no values: it exists so the PORT check runs with the other start-up validations.</summary>
    public sealed class PortSetting;
}
