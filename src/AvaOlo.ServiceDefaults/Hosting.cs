using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;

namespace AvaOlo.ServiceDefaults;

public static class Hosting
{
    public const int DefaultPort = 8080;

    /// <summary>Request body limit: generous for a field boundary, small enough to refuse abuse.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// Listens on all interfaces at PORT (default 8080), as App Runner and ECS expect. The address goes in as the
    /// lowest-priority "urls" setting, so ASPNETCORE_URLS, --urls or a test host's own binding still win; it also
    /// wins over ASPNETCORE_HTTP_PORTS, which the official container images preset. A bad PORT stops start-up
    /// with one clear line. Also bounds request sizes and, on SIGTERM, drains (SHUTDOWN_DRAIN_SECONDS: /health and new
    /// requests answer 503 while the listener stays open) before in-flight requests get the rest of 25 s to finish.
    /// </summary>
    public static WebApplicationBuilder UseAvaOloHosting(this WebApplicationBuilder builder)
    {
        // HostRunner reports a bad setting as one line; without this the host logs it with a stack trace first.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        // The address must be known before the host is built, so PORT is read here; PortOptions reports a bad one.
        if (ParsePort(builder.Configuration["PORT"]) is { } port)
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = [new("urls", $"http://0.0.0.0:{port}")] });
        builder.Services.AddSettings<PortOptions>(o => o.Validate());

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.AddServerHeader = false;
        });
        // App Runner and ECS wait 30 s between SIGTERM and SIGKILL.
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));
        builder.Services.AddShutdownDrain();
        return builder;
    }

    /// <summary>SHUTDOWN_DRAIN_SECONDS, validated at start; the drain itself (<see cref="ShutdownDrain"/>) and its gate.</summary>
    private static void AddShutdownDrain(this IServiceCollection services)
    {
        services.AddSettings<ShutdownDrainOptions>(o => o.Validate())
            .PostConfigure<IHostEnvironment>((o, environment) => o.Seconds ??= environment.IsDevelopment() ? 0 : ShutdownDrainOptions.DefaultSeconds);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ShutdownDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<ShutdownDrain>());
        services.AddSingleton<IStartupFilter, ShutdownDrainGate>();
    }

    /// <summary>The port to use: the default when PORT is unset or blank, null when PORT is not a valid port.</summary>
    public static int? ParsePort(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return DefaultPort;
        return int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535 ? port : null;
    }

    /// <summary>PORT, checked with the other start-up validations (the address itself is set before the host is built).</summary>
    public sealed class PortOptions
    {
        [ConfigurationKeyName("PORT")] public int? Port { get; set; }

        public IEnumerable<string> Validate()
        {
            if (Port is < 1 or > 65535) yield return $"PORT must be a whole number between 1 and 65535 (got \"{Port}\")";
        }
    }
}
