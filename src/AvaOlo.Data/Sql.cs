using System.Diagnostics;
using AvaOlo.Data.Hosting;
using Npgsql;

namespace AvaOlo.Data;

/// <summary>
/// Hand-written SQL for hot paths and for aggregates EF would not write as well, straight through Npgsql: no DbContext
/// to build per request and no LINQ to translate per call; repeated statements are auto-prepared. Parameters are
/// positional ($1, $2…); a null whose type PostgreSQL cannot infer goes in as <see cref="Typed"/>. Each statement is
/// timed into DatabaseQueryTime.
/// </summary>
public static class Sql
{
    public static NpgsqlCommand Command(NpgsqlDataSource data, string sql, params object?[] args) => Parameters(data.CreateCommand(sql), args);

    public static NpgsqlCommand Command(NpgsqlConnection conn, string sql, params object?[] args) => Parameters(new NpgsqlCommand(sql, conn), args);

    /// <summary>A value that may be null, with its type named (a bare null has none).</summary>
    public static NpgsqlParameter Typed(object? value, NpgsqlTypes.NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    /// <summary>Every row of a statement, read by <paramref name="read"/>.</summary>
    public static async Task<List<T>> ListAsync<T>(NpgsqlDataSource data, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(data, sql, args);
        return await ReadAsync(cmd, read, ct);
    }

    /// <summary>Every row, on a connection the caller holds (several statements, or a transaction).</summary>
    public static async Task<List<T>> ListAsync<T>(this NpgsqlConnection conn, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(conn, sql, args);
        return await ReadAsync(cmd, read, ct);
    }

    /// <summary>The one row a statement returns (an aggregate, a scalar).</summary>
    public static async Task<T> OneAsync<T>(this NpgsqlConnection conn, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params object?[] args) =>
        (await conn.ListAsync(sql, read, ct, args))[0];

    /// <summary>Runs a statement that returns no rows; the number of rows it changed.</summary>
    public static async Task<int> ExecuteAsync(this NpgsqlConnection conn, string sql, CancellationToken ct, params object?[] args)
    {
        var started = Stopwatch.GetTimestamp();
        await using var cmd = Command(conn, sql, args);
        var changed = await cmd.ExecuteNonQueryAsync(ct);
        DatabaseMetrics.RecordQueryTime(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return changed;
    }

    public static T? Nullable<T>(this NpgsqlDataReader r, int i) where T : struct => r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);

    public static string? NullableString(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static async Task<List<T>> ReadAsync<T>(NpgsqlCommand cmd, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        DatabaseMetrics.RecordQueryTime(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return rows;
    }

    private static NpgsqlCommand Parameters(NpgsqlCommand cmd, object?[] args)
    {
        foreach (var arg in args) cmd.Parameters.Add(arg as NpgsqlParameter ?? new NpgsqlParameter { Value = arg ?? DBNull.Value });
        return cmd;
    }
}
