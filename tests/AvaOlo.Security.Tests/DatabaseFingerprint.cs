using Npgsql;

namespace AvaOlo.Security.Tests;

/// <summary>
/// A hash of every row of every table, per table: taken before and after a refused request, it proves the request
/// changed nothing. Cheap on the small test world (a few milliseconds), so it can run after every probe. What timed
/// jobs write on their own (metric rollups, api_keys.last_used_at) is left out: it changes whatever the request was.
/// </summary>
public sealed class DatabaseFingerprint : IAsyncDisposable
{
    private readonly NpgsqlConnection _conn;
    private readonly string _sql;

    private DatabaseFingerprint(NpgsqlConnection conn, string sql) => (_conn, _sql) = (conn, sql);

    public static async Task<DatabaseFingerprint> OpenAsync(string connectionString)
    {
        var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var build = new NpgsqlCommand(
            "SELECT string_agg(format('SELECT %L, md5(coalesce(string_agg((to_jsonb(x) - ''last_used_at'')::text, '','' ORDER BY x::text), '''')) FROM %I x', table_name, table_name), " +
            "' UNION ALL ' ORDER BY table_name) FROM information_schema.tables " +
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '__EFMigrationsHistory' AND table_name NOT LIKE 'metric%'", conn);
        return new DatabaseFingerprint(conn, (string)(await build.ExecuteScalarAsync())!);
    }

    public async Task<IReadOnlyDictionary<string, string>> TakeAsync()
    {
        await using var cmd = new NpgsqlCommand(_sql, _conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync()) hashes[reader.GetString(0)] = reader.GetString(1);
        return hashes;
    }

    /// <summary>The tables whose rows differ, or an empty list.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        after.Where(kv => !before.TryGetValue(kv.Key, out var h) || h != kv.Value).Select(kv => kv.Key).ToList();

    public ValueTask DisposeAsync() => _conn.DisposeAsync();
}
