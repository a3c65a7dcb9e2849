using System.Globalization;

namespace AvaOlo.AgriculturalCore.DataRights;

/// <summary>
/// ERASURE_GRACE_DAYS (default 7, 0–30): how long an erasure request waits, so it can be cancelled. At most 30, because
/// GDPR gives a controller one month to act on a request. CONVERSATION_RETENTION_DAYS (default 365, 0 = keep for
/// ever): conversations and model calls older than this are deleted.
/// </summary>
public sealed record DataRightsOptions
{
    public const int DefaultGraceDays = 7;
    public const int DefaultRetentionDays = 365;

    public TimeSpan ErasureGrace { get; init; } = TimeSpan.FromDays(DefaultGraceDays);
    /// <summary>Null: conversations and model calls are kept for ever.</summary>
    public TimeSpan? ConversationRetention { get; init; } = TimeSpan.FromDays(DefaultRetentionDays);

    public static (DataRightsOptions Options, List<string> Errors) From(Func<string, string?> get)
    {
        var errors = new List<string>();
        int Days(string name, int fallback, int max)
        {
            var raw = get(name);
            if (string.IsNullOrWhiteSpace(raw)) return fallback;
            if (int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= max) return days;
            errors.Add($"{name} must be a whole number of days from 0 to {max} (got \"{raw}\")");
            return fallback;
        }
        var grace = Days("ERASURE_GRACE_DAYS", DefaultGraceDays, 30);
        var retention = Days("CONVERSATION_RETENTION_DAYS", DefaultRetentionDays, 36500);
        var options = new DataRightsOptions
        {
            ErasureGrace = TimeSpan.FromDays(grace),
            ConversationRetention = retention == 0 ? null : TimeSpan.FromDays(retention),
        };
        return (options, errors);
    }
}
