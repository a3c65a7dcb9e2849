using Microsoft.Extensions.Configuration;

namespace AvaOlo.ServiceDefaults;

/// <summary>
/// SHUTDOWN_DRAIN_SECONDS: how long an instance keeps listening after SIGTERM while it refuses new requests and
/// /health answers 503, so a load balancer stops routing to it before the listener closes. Default 5 s, 0 in
/// Development; at most 15 s, so Kestrel's own stop keeps at least 10 s of the 25 s shutdown timeout.
/// </summary>
public sealed class ShutdownDrainOptions
{
    public const int DefaultSeconds = 5;
    public const int MaxSeconds = 15;

    /// <summary>Unset (or blank) until the environment's default is filled in.</summary>
    [ConfigurationKeyName("SHUTDOWN_DRAIN_SECONDS")] public int? Seconds { get; set; }

    public TimeSpan Period => TimeSpan.FromSeconds(Seconds ?? DefaultSeconds);

    public IEnumerable<string> Validate()
    {
        if (Seconds is < 0 or > MaxSeconds)
            yield return $"SHUTDOWN_DRAIN_SECONDS must be a whole number of seconds between 0 and {MaxSeconds} (got \"{Seconds}\")";
    }
}
