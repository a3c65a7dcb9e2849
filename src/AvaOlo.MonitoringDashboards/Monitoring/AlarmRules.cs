using System.Globalization;
using AvaOlo.ServiceDefaults.Telemetry;

namespace AvaOlo.MonitoringDashboards.Monitoring;

public static class AlarmStates
{
    public const string Ok = "OK";
    public const string Alarm = "ALARM";
    public const string InsufficientData = "INSUFFICIENT_DATA";
}

/// <summary>One service's figures for one complete minute, all instances merged.</summary>
public sealed record MinuteFigures(DateTimeOffset Minute, long Requests, long Http5xx, long[] LatencyBuckets, long DbConnectionErrors, long Violations,
    long WhatsAppSendFailures = 0);

public sealed record AlarmOutcome(string State, double? Value, string Reason);

/// <summary>
/// The operators' four alarms (PRODUCT.md), with thresholds from ALARM_HTTP_5XX_PER_MINUTE (10),
/// ALARM_P99_MS (5000), ALARM_DB_ERRORS_PER_5_MINUTES (5) and ALARM_VIOLATIONS_PER_MINUTE (0), and the WhatsApp
/// channel's: ALARM_WHATSAPP_SEND_FAILURES_PER_5_MINUTES (5) messages the outbox gave up on.
/// A minute with no rollup from any instance is missing data, not a good minute.
/// </summary>
public sealed class AlarmThresholds
{
    [ConfigurationKeyName("ALARM_HTTP_5XX_PER_MINUTE")] public double Http5xxPerMinute { get; set; } = 10;
    [ConfigurationKeyName("ALARM_P99_MS")] public double P99Ms { get; set; } = 5000;
    [ConfigurationKeyName("ALARM_DB_ERRORS_PER_5_MINUTES")] public double DbErrorsPer5Minutes { get; set; } = 5;
    [ConfigurationKeyName("ALARM_VIOLATIONS_PER_MINUTE")] public double ViolationsPerMinute { get; set; }
    [ConfigurationKeyName("ALARM_WHATSAPP_SEND_FAILURES_PER_5_MINUTES")] public double WhatsAppSendFailuresPer5Minutes { get; set; } = 5;

    public IEnumerable<string> Validate()
    {
        foreach (var (name, value) in new[] { ("ALARM_HTTP_5XX_PER_MINUTE", Http5xxPerMinute), ("ALARM_P99_MS", P99Ms),
                     ("ALARM_DB_ERRORS_PER_5_MINUTES", DbErrorsPer5Minutes), ("ALARM_VIOLATIONS_PER_MINUTE", ViolationsPerMinute),
                     ("ALARM_WHATSAPP_SEND_FAILURES_PER_5_MINUTES", WhatsAppSendFailuresPer5Minutes) })
            if (value < 0 || double.IsNaN(value) || double.IsInfinity(value)) yield return $"{name} must be a number, 0 or more";
    }
}

public static class AlarmRules
{
    public const string Http5xx = "Http5xx";
    public const string LatencyP99 = "LatencyP99";
    public const string DbConnectionErrors = "DbConnectionErrors";
    public const string ConstitutionalViolations = "ConstitutionalViolations";
    public const string WhatsAppSendFailures = "WhatsAppSendFailures";
    public static readonly string[] All = [Http5xx, LatencyP99, DbConnectionErrors, ConstitutionalViolations, WhatsAppSendFailures];

    /// <summary>The service that sends WhatsApp messages; the channel's alarm is evaluated for it alone.</summary>
    public const string ChannelService = "ava-olo-agricultural-core";

    /// <summary>The rules evaluated for a service: every rule, but the channel's only where messages are sent.</summary>
    public static IEnumerable<string> For(string service) => All.Where(r => r != WhatsAppSendFailures || service == ChannelService);

    /// <summary>Evaluates one rule at <paramref name="minute"/> (the last complete minute) from that service's recent minutes.</summary>
    public static AlarmOutcome Evaluate(string rule, AlarmThresholds t, DateTimeOffset minute, IReadOnlyList<MinuteFigures> recent)
    {
        var current = recent.FirstOrDefault(m => m.Minute == minute);
        switch (rule)
        {
            case Http5xx:
                return current is null ? NoData(minute)
                    : Compare(current.Http5xx, t.Http5xxPerMinute, $"{current.Http5xx} HTTP 5xx in the minute to {Hhmm(minute)}", "per minute");
            case LatencyP99:
                if (current is null || current.Requests == 0) return NoData(minute, "no requests");
                var p99 = LatencyBuckets.Percentile(current.LatencyBuckets, 0.99)!.Value;
                return Compare(Math.Round(p99, 1), t.P99Ms, $"p99 latency {p99:0} ms over {current.Requests} requests", "ms");
            case DbConnectionErrors:
                return FiveMinutes(recent, minute, m => m.DbConnectionErrors, t.DbErrorsPer5Minutes, "database connection failures");
            case WhatsAppSendFailures:
                return FiveMinutes(recent, minute, m => m.WhatsAppSendFailures, t.WhatsAppSendFailuresPer5Minutes, "WhatsApp messages not sent");
            case ConstitutionalViolations:
                return current is null ? NoData(minute)
                    : Compare(current.Violations, t.ViolationsPerMinute, $"{current.Violations} constitutional violations in the minute to {Hhmm(minute)}", "per minute");
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown alarm rule");
        }
    }

    /// <summary>A count over the five minutes up to <paramref name="minute"/>: a silent last minute still counts the window.</summary>
    private static AlarmOutcome FiveMinutes(IReadOnlyList<MinuteFigures> recent, DateTimeOffset minute, Func<MinuteFigures, long> count, double threshold, string what)
    {
        var window = recent.Where(m => m.Minute > minute.AddMinutes(-5) && m.Minute <= minute).ToList();
        if (window.Count == 0) return NoData(minute);
        var n = window.Sum(count);
        return Compare(n, threshold, $"{n} {what} in the 5 minutes to {Hhmm(minute)}", "in 5 minutes");
    }

    /// <summary>Whether a new outcome is a transition worth recording, logging and notifying.</summary>
    public static bool IsTransition(string? previous, string next) => previous != next;

    private static AlarmOutcome Compare(double value, double threshold, string what, string unit) =>
        value > threshold
            ? new(AlarmStates.Alarm, value, $"{what}: above the threshold of {threshold.ToString(CultureInfo.InvariantCulture)} {unit}")
            : new(AlarmStates.Ok, value, $"{what}: within the threshold of {threshold.ToString(CultureInfo.InvariantCulture)} {unit}");

    private static AlarmOutcome NoData(DateTimeOffset minute, string why = "no rollup from any instance") =>
        new(AlarmStates.InsufficientData, null, $"{why} for the minute to {Hhmm(minute)}");

    private static string Hhmm(DateTimeOffset minute) => minute.AddMinutes(1).ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
