using Npgsql;

namespace AvaOlo.Bench.Limiter;

/// <summary>
/// The same sliding window as RedisFarmerLimiter (this minute's count plus the weighted previous minute's), in PostgreSQL:
/// one statement per request, atomic because the limit is checked in ON CONFLICT's WHERE against the locked row. A real
/// design would also delete old minutes periodically; that cost is not measured here.
/// </summary>
internal static class PgLimiter
{
    public static async Task CreateTablesAsync(NpgsqlDataSource source)
    {
        await using var cmd = source.CreateCommand("""
            DROP TABLE IF EXISTS rl_logged, rl_unlogged;
            CREATE TABLE rl_logged (key text, minute bigint, count integer NOT NULL, PRIMARY KEY (key, minute));
            CREATE UNLOGGED TABLE rl_unlogged (key text, minute bigint, count integer NOT NULL, PRIMARY KEY (key, minute));
            """);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<bool> CheckAsync(NpgsqlDataSource source, string table, int farmer, int perMinute)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var minute = now / 60_000;
        var previousWeight = 1000 - now % 60_000 / 60; // per mille of the previous minute still inside the window
        await using var cmd = source.CreateCommand($"""
            INSERT INTO {table} AS r (key, minute, count)
            SELECT $1, $2, 1 WHERE coalesce((SELECT count FROM {table} WHERE key = $1 AND minute = $2 - 1), 0) * $3 / 1000 < $4
            ON CONFLICT (key, minute) DO UPDATE SET count = r.count + 1
              WHERE r.count + coalesce((SELECT p.count FROM {table} p WHERE p.key = $1 AND p.minute = $2 - 1), 0) * $3 / 1000 < $4
            RETURNING count
            """);
        cmd.Parameters.Add(new() { Value = $"farmer:{farmer}" });
        cmd.Parameters.Add(new() { Value = minute });
        cmd.Parameters.Add(new() { Value = previousWeight });
        cmd.Parameters.Add(new() { Value = perMinute });
        return await cmd.ExecuteScalarAsync() is not null;
    }
}
