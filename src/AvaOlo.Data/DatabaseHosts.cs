using System.Globalization;
using Npgsql;

namespace AvaOlo.Data;

public sealed record DatabaseHost(string Name, int Port)
{
    // IPv6 literals keep their brackets, as Npgsql expects them in a host list.
    public override string ToString() => $"{(Name.Contains(':', StringComparison.Ordinal) ? $"[{Name}]" : Name)}:{Port.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>
/// DB_HOST as one host or a comma-separated list (<c>a:5441,b:5442</c>, IPv6 in brackets), each with an optional port
/// (DB_PORT otherwise); and DB_TARGET_SESSION_ATTRIBUTES in libpq's spelling. Pure: errors name the variable and entry.
/// </summary>
public static class DatabaseHosts
{
    public static IReadOnlyList<DatabaseHost> Parse(string? value, int defaultPort, List<string> errors)
    {
        var hosts = new List<DatabaseHost>();
        if (string.IsNullOrWhiteSpace(value)) return hosts;
        var entries = value.Split(',');
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i].Trim();
            var where = entries.Length == 1 ? "DB_HOST" : $"DB_HOST entry {i + 1} (\"{entry}\")";
            if (entry.Length == 0) { errors.Add($"DB_HOST entry {i + 1} is empty (a comma too many?)"); continue; }
            var (name, portText) = Split(entry);
            if (name is null) { errors.Add($"{where}: an IPv6 address needs brackets, e.g. [::1]:5432"); continue; }
            if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c is '/' or ';' or '=' or '[' or ']'))
            {
                errors.Add($"{where}: not a host name or address");
                continue;
            }
            var port = defaultPort;
            if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
            {
                errors.Add($"{where}: the port must be a number between 1 and 65535");
                continue;
            }
            var host = new DatabaseHost(name, port);
            if (hosts.Contains(host)) errors.Add($"DB_HOST lists {host} twice");
            else hosts.Add(host);
        }
        return hosts;
    }

    /// <summary>(name, port or null); a null name means an unbracketed IPv6 address, which cannot be told from a port.</summary>
    private static (string? Name, string? Port) Split(string entry)
    {
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) return ("", null);
            var rest = entry[(close + 1)..];
            if (rest.Length == 0) return (entry[1..close], null);
            return rest.StartsWith(':') ? (entry[1..close], rest[1..]) : ("", null);
        }
        var colons = entry.Count(c => c == ':');
        if (colons > 1) return (null, null);
        return colons == 0 ? (entry, null) : (entry[..entry.IndexOf(':', StringComparison.Ordinal)], entry[(entry.IndexOf(':', StringComparison.Ordinal) + 1)..]);
    }

    /// <summary>libpq's names (Npgsql's connection-string values); null when unknown.</summary>
    public static TargetSessionAttributes? ParseTargetSession(string value) => value.Trim().ToLowerInvariant() switch
    {
        "any" => TargetSessionAttributes.Any,
        "primary" => TargetSessionAttributes.Primary,
        "standby" => TargetSessionAttributes.Standby,
        "prefer-primary" => TargetSessionAttributes.PreferPrimary,
        "prefer-standby" => TargetSessionAttributes.PreferStandby,
        "read-write" => TargetSessionAttributes.ReadWrite,
        "read-only" => TargetSessionAttributes.ReadOnly,
        _ => null,
    };

    public const string TargetSessionNames = "any, primary, standby, prefer-primary, prefer-standby, read-write, read-only";

    public static string Name(TargetSessionAttributes t) => t switch
    {
        TargetSessionAttributes.PreferPrimary => "prefer-primary",
        TargetSessionAttributes.PreferStandby => "prefer-standby",
        TargetSessionAttributes.ReadWrite => "read-write",
        TargetSessionAttributes.ReadOnly => "read-only",
        _ => t.ToString().ToLowerInvariant(),
    };
}
