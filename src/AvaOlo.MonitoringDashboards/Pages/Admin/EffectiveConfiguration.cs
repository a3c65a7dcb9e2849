using System.Globalization;
using AvaOlo.Data;
using AvaOlo.MonitoringDashboards.Monitoring;
using AvaOlo.ServiceDefaults;
using AvaOlo.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Options;

namespace AvaOlo.MonitoringDashboards.Pages.Admin;

/// <summary>
/// The settings this service runs with, as the admin page lists them: the values in effect, taken from the bound
/// options (so a default shows as the value it is, the same one the core uses for the shared OPENAI_* record), and
/// secrets only as "set" or "not set". The core's own switches, which this service does not use, are shown as set.
/// </summary>
public sealed class EffectiveConfiguration(
    IOptions<DatabaseOptions> database, IOptions<TelemetryOptions> telemetry, IOptions<LanguageModelOptions> model, IOptions<DashboardOptions> dashboards,
    IOptions<AlarmThresholds> alarms, IOptions<Channel.ChannelMediaOptions> media, IOptions<ShutdownDrainOptions> drain, IOptions<ServiceDefaults.Hosting.PortOptions> port, IConfiguration config, IHostEnvironment environment)
{
    /// <summary>Values that are or may contain credentials (a Redis URL or webhook URL can carry a password or token).</summary>
    private static readonly HashSet<string> Secret = ["DB_PASSWORD", "OPENAI_API_KEY", "REDIS_URL", "ALARM_WEBHOOK_URL", "PROMETHEUS_SCRAPE_TOKEN",
        "WHATSAPP_ACCESS_TOKEN", "TWILIO_AUTH_TOKEN"];

    /// <summary>The core's settings: listed for the operator, read by the core.</summary>
    private static readonly string[] CoreOnly = ["ENABLE_LLM_FIRST", "ENABLE_COUNTRY_LOCALIZATION", "ENABLE_CONSTITUTIONAL_CHECKS", "AWS_REGION", "AWS_DEFAULT_REGION"];

    public IReadOnlyList<(string Name, string Value)> Read()
    {
        object[] bound = [database.Value, telemetry.Value, model.Value, dashboards.Value, alarms.Value, media.Value, drain.Value, port.Value];
        return bound.SelectMany(Settings.Values)
            .Select(s => (s.Key, Secret.Contains(s.Key) ? (Present(s.Value) ? "set (hidden)" : "not set") : Show(s.Value)))
            .Concat(CoreOnly.Select(k => (k, config[k] is { Length: > 0 } v ? v : "(the core's default)")))
            .Append(("ASPNETCORE_ENVIRONMENT", environment.EnvironmentName))
            .OrderBy(x => x.Item1, StringComparer.Ordinal).ToList();
    }

    private static bool Present(object? value) => value is string s ? s.Length > 0 : value is not null;

    private static string Show(object? value) => value switch
    {
        null => "(not set)",
        string { Length: 0 } => "(not set)",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
