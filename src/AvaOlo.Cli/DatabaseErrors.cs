using System.Net.Sockets;
using AvaOlo.Data;
using Npgsql;

namespace AvaOlo.Cli;

/// <summary>Turns database failures an operator can fix into one line: where, and why. Never the password.</summary>
internal static class DatabaseErrors
{
    public static CliException? Describe(Exception e, DatabaseOptions options)
    {
        var where = options.Hosts.Count > 0 ? string.Join(',', options.Hosts) : $"{options.Host}:{options.Port}";
        var pg = Find<PostgresException>(e);
        if (pg is not null)
        {
            return pg.SqlState switch
            {
                PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
                    new(ExitCodes.DatabaseUnreachable, $"PostgreSQL at {where} refused login for user '{options.User}': {pg.MessageText} (check DB_USER and DB_PASSWORD)"),
                PostgresErrorCodes.InvalidCatalogName =>
                    new(ExitCodes.DatabaseUnreachable, $"database '{options.Name}' does not exist on {where}; run `avaolo migrate` (it creates it when allowed)"),
                PostgresErrorCodes.UniqueViolation =>
                    new(ExitCodes.AlreadyExists, $"already exists ({pg.ConstraintName}): {pg.MessageText}"),
                PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.AdminShutdown =>
                    new(ExitCodes.DatabaseUnreachable, $"PostgreSQL at {where} is not accepting connections: {pg.MessageText}"),
                _ => null,
            };
        }
        if (Find<NpgsqlException>(e) is not { } npgsql) return null;
        var reason = Find<SocketException>(e)?.Message ?? (Find<TimeoutException>(e) is not null
            ? $"no answer within {options.ConnectTimeoutSeconds} s" : npgsql.InnerException?.Message ?? npgsql.Message);
        return new(ExitCodes.DatabaseUnreachable, $"cannot reach PostgreSQL at {where}: {reason}");
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T match) return match;
        return null;
    }
}
