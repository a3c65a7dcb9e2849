using Npgsql;

namespace AvaOlo.Data;

/// <summary>
/// Run by the migrator as the owner, under its lock, after the migrations: makes the services' role a plain login
/// (created, or its password set, when DB_APP_PASSWORD is given) and gives it exactly DML on this database. Default
/// privileges cover the tables and sequences that later migrations create. Idempotent and safe to run from many
/// migrators at once (roles are per server, so test databases on one server share the role).
/// </summary>
public static class ServiceRoleGrants
{
    public static async Task EnsureAsync(NpgsqlConnection owner, DatabaseOptions options, ServiceRole role, Action<string> progress, CancellationToken ct)
    {
        if (role.Password is not null) await EnsureLoginAsync(owner, options, role, progress, ct);
        await RefusePowerfulRoleAsync(owner, role, ct);

        var r = Quote(role.User);
        var db = Quote(options.Name);
        await using var tx = await owner.BeginTransactionAsync(ct);
        foreach (var sql in new[]
        {
            // Exactly these grants: whatever the role was given before (by hand, or an older release) goes first.
            $"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {r}",
            $"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {r}",
            $"REVOKE ALL ON SCHEMA public FROM {r}",
            $"GRANT CONNECT ON DATABASE {db} TO {r}",
            $"GRANT USAGE ON SCHEMA public TO {r}",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {r}",
            // The services read the schema version; only the migrator writes it.
            $"REVOKE INSERT, UPDATE, DELETE ON \"__EFMigrationsHistory\" FROM {r}",
            $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {r}",
            // Tables and sequences created later by this owner (the next migrations) get the same grants.
            $"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {r}",
            $"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {r}",
            // What PUBLIC (so every role) may do by default: CREATE in schema public up to PostgreSQL 14, temporary
            // tables in every version. A non-owner gets a warning here, not an error.
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            $"REVOKE TEMPORARY ON DATABASE {db} FROM PUBLIC",
        })
        {
            await using var cmd = new NpgsqlCommand(sql, owner, tx);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        progress($"service role {role.User}: SELECT, INSERT, UPDATE, DELETE on the tables of {options.Name}, nothing else");
    }

    /// <summary>Creates the role or sets its password, unless it already logs in with this one (no catalogue write then).</summary>
    private static async Task EnsureLoginAsync(NpgsqlConnection owner, DatabaseOptions options, ServiceRole role, Action<string> progress, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await CanLogInAsync(options, role, ct)) return;
            var exists = await ScalarAsync(owner, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)", role.User, ct) is true;
            // A verifier, not the password: nothing readable reaches the server's logs.
            var verifier = ScramVerifier.Create(role.Password!);
            var sql = exists
                ? $"ALTER ROLE {Quote(role.User)} WITH LOGIN PASSWORD '{verifier}'"
                : $"CREATE ROLE {Quote(role.User)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{verifier}'";
            try
            {
                await using var cmd = new NpgsqlCommand(sql, owner);
                await cmd.ExecuteNonQueryAsync(ct);
                progress(exists ? $"service role {role.User}: password set from DB_APP_PASSWORD" : $"service role {role.User}: created");
                return;
            }
            // Another migrator (another test database on this server) created or changed the role at the same moment.
            catch (PostgresException e) when (attempt < 5 && e.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation
                or PostgresErrorCodes.InternalError)
            {
                await Task.Delay(50 * attempt, ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new ServiceRoleException($"DB_USER {options.User} may not {(exists ? "alter" : "create")} role {role.User} ({e.MessageText}): " +
                    "the owner needs CREATEROLE (Aurora's master user has it), or create the role once by hand and leave DB_APP_PASSWORD unset");
            }
        }
    }

    private static async Task<bool> CanLogInAsync(DatabaseOptions options, ServiceRole role, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(options.ToConnectionString()) { Username = role.User, Password = role.Password, Pooling = false };
        try
        {
            await using var conn = new NpgsqlConnection(cs.ConnectionString);
            await conn.OpenAsync(ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
            return false; // wrong password, or no such role (PostgreSQL does not say which)
        }
    }

    /// <summary>A superuser, a role creator or a member of the owner could undo every grant: refuse to call that least privilege.</summary>
    private static async Task RefusePowerfulRoleAsync(NpgsqlConnection owner, ServiceRole role, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT concat_ws(', ',
                CASE WHEN rolsuper THEN 'is a superuser' END, CASE WHEN rolcreaterole THEN 'may create roles' END,
                CASE WHEN rolcreatedb THEN 'may create databases' END, CASE WHEN rolbypassrls THEN 'bypasses row security' END,
                CASE WHEN rolreplication THEN 'is a replication role' END,
                CASE WHEN pg_has_role(rolname, current_user, 'MEMBER') THEN 'is a member of ' || current_user END,
                CASE WHEN EXISTS (SELECT 1 FROM pg_class WHERE relowner = r.oid) THEN 'owns tables here' END)
            FROM pg_roles r WHERE rolname = $1
            """, owner) { Parameters = { new() { Value = role.User } } };
        var found = await cmd.ExecuteScalarAsync(ct);
        if (found is null)
            throw new ServiceRoleException($"DB_APP_USER {role.User} does not exist; set DB_APP_PASSWORD so that avaolo migrate creates it");
        if (found is string { Length: > 0 } why)
            throw new ServiceRoleException($"DB_APP_USER {role.User} {why}: the services' role must be a plain login role");
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection conn, string sql, string arg, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { Parameters = { new() { Value = arg } } };
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>The services' role cannot be made least-privileged as configured: an operator's setting to fix, not a bug.</summary>
public sealed class ServiceRoleException(string message) : InvalidOperationException(message);
