using System.Diagnostics;
using AvaOlo.ServiceDefaults.Telemetry;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Common;

/// <summary>
/// Hand-written statements on hot paths (the query path, API-key look-ups), straight through <see cref="NpgsqlDataSource"/> (like Fields/FieldsReader):
/// no DbContext to build per request and no LINQ to translate per call; repeated statements are auto-prepared.
/// Each read is timed into DatabaseQueryTime.
/// </summary>
internal static class Sql
{
    public static NpgsqlCommand Command(NpgsqlDataSource data, string sql, params object?[] args)
    {
        var cmd = data.CreateCommand(sql);
        foreach (var arg in args) cmd.Parameters.Add(arg as NpgsqlParameter ?? new NpgsqlParameter { Value = arg ?? DBNull.Value });
        return cmd;
    }

    /// <summary>A value that may be null, with its type named (a bare null has none).</summary>
    public static NpgsqlParameter Typed(object? value, NpgsqlTypes.NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    /// <summary>Every row of a statement, read by <paramref name="read"/>.</summary>
    public static async Task<List<T>> ListAsync<T>(NpgsqlDataSource data, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params object?[] args)
    {
        var started = Stopwatch.GetTimestamp();
        await using var cmd = Command(data, sql, args);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        AvaOloMetrics.RecordDatabaseQueryTime(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return rows;
    }

    public static T? Nullable<T>(this NpgsqlDataReader r, int i) where T : struct => r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);

    public static string? NullableString(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
