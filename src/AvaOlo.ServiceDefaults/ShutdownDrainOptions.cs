using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AvaOlo.ServiceDefaults;

/// <summary>
/// SHUTDOWN_DRAIN_SECONDS: how long an instance keeps listening after SIGTERM while it refuses new requests and
/// /health answers 503, so a load balancer stops routing to it before the listener closes. Default 5 s, 0 in
/// Development; at most 15 s, so Kestrel's own stop keeps at least 10 s of the 25 s shutdown timeout.
/// </summary>
public sealed record ShutdownDrainOptions
{
    public const int DefaultSeconds = 5;
    public const int MaxSeconds = 15;

    /// <summary>Null when the setting is not a valid number of seconds.</summary>
    public TimeSpan? Period { get; init; } = TimeSpan.FromSeconds(DefaultSeconds);

    public string? Raw { get; init; }

    public static ShutdownDrainOptions FromConfiguration(Func<string, string?> get, bool isDevelopment)
    {
        var raw = get("SHUTDOWN_DRAIN_SECONDS");
        if (string.IsNullOrWhiteSpace(raw)) return new() { Period = TimeSpan.FromSeconds(isDevelopment ? 0 : DefaultSeconds) };
        var valid = int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxSeconds;
        return new() { Raw = raw, Period = valid ? TimeSpan.FromSeconds(seconds) : null };
    }

    public IReadOnlyList<string> Validate() => Period is null
        ? [$"SHUTDOWN_DRAIN_SECONDS must be a whole number of seconds between 0 and {MaxSeconds} (got \"{Raw}\")"]
        : [];

    /// <summary>Read when first needed, from the final configuration and environment (a test host's included).</summary>
    internal sealed class Factory(IConfiguration config, IHostEnvironment environment) : IOptionsFactory<ShutdownDrainOptions>
    {
        public ShutdownDrainOptions Create(string name)
        {
            var options = FromConfiguration(k => config[k], environment.IsDevelopment());
            var errors = options.Validate();
            if (errors.Count > 0) throw new OptionsValidationException(name, typeof(ShutdownDrainOptions), errors);
            return options;
        }
    }
}
