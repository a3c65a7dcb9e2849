using System.Net.Sockets;
using Npgsql;

namespace AvaOlo.Data.Hosting;

/// <summary>Tells a database outage (retry later: 503) from a bug (500), whatever wraps the exception.</summary>
public static class DatabaseErrors
{
    /// <summary>read_only_sql_transaction.</summary>
    public const string ReadOnly = "25006";

    public static bool IsReadOnlyServer(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is PostgresException { SqlState: ReadOnly }) return true;
        return false;
    }

    public static bool IsUnavailable(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case PostgresException pg:
                    // 08: connection exceptions; 57P0x: shutdown / cannot connect now; 53300: too many connections.
                    // 28: bad credentials and 3D000: no such database also mean "cannot serve now", not a bug.
                    // 25006: a write reached a read-only server, i.e. a standby or a demoted writer after a failover.
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
                        || pg.SqlState.StartsWith("28", StringComparison.Ordinal) || pg.SqlState is "53300" or "3D000" or ReadOnly;
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
            // Npgsql's own words, e.g. "No suitable host was found" when DB_HOST lists hosts and none is the primary.
            if (x is NpgsqlException { InnerException: null } n) return n.Message.TrimEnd('.');
        }
        return e.GetType().Name;
    }
}
