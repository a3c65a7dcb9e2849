using System.Net.Sockets;
using Npgsql;

namespace AvaOlo.Data.Hosting;

/// <summary>Tells a database outage (retry later: 503) from a bug (500), whatever wraps the exception.</summary>
public static class DatabaseErrors
{
    public static bool IsUnavailable(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case PostgresException pg:
                    // 08: connection exceptions; 57P0x: shutdown / cannot connect now; 53300: too many connections.
                    // 28: bad credentials and 3D000: no such database also mean "cannot serve now", not a bug.
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
                        || pg.SqlState.StartsWith("28", StringComparison.Ordinal) || pg.SqlState is "53300" or "3D000";
                case NpgsqlException:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>A short reason safe to show: never a connection string or password.</summary>
    public static string Describe(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is SocketException s) return $"connection failed ({s.SocketErrorCode})";
            if (x is PostgresException pg) return $"PostgreSQL error {pg.SqlState}";
            if (x is TimeoutException) return "timed out";
        }
        return e.GetType().Name;
    }
}
