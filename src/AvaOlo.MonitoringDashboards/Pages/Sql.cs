using Npgsql;

namespace AvaOlo.MonitoringDashboards.Pages;

/// <summary>Small read helpers for the dashboards' hand-written SQL (aggregates EF would not write as well).</summary>
public static class Sql
{
    public static async Task<List<T>> ListAsync<T>(this NpgsqlConnection conn, string sql, Func<NpgsqlDataReader, T> map,
        CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(conn, sql, parameters);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await r.ReadAsync(ct)) list.Add(map(r));
        return list;
    }

    public static async Task<T> OneAsync<T>(this NpgsqlConnection conn, string sql, Func<NpgsqlDataReader, T> map,
        CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        (await conn.ListAsync(sql, map, ct, parameters))[0];

    private static NpgsqlCommand Command(NpgsqlConnection conn, string sql, (string Name, object? Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    public static string? NullableString(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}

/// <summary>A chart as the page passes it to wwwroot/js/dashboards.js (data-* attributes, no inline script).</summary>
public sealed record ChartData(string Id, string Title, string Type, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series)
{
    public string LabelsJson => System.Text.Json.JsonSerializer.Serialize(Labels);
    public string SeriesJson => System.Text.Json.JsonSerializer.Serialize(Series.Select(s => new { label = s.Label, data = s.Values, axis = s.Axis }));
}

public sealed record ChartSeries(string Label, IReadOnlyList<double?> Values, string Axis = "y");

/// <summary>Day-by-day series with zeros for days without rows.</summary>
public static class Days
{
    public static List<DateOnly> Last(DateOnly today, int count) => Enumerable.Range(0, count).Select(i => today.AddDays(i - count + 1)).ToList();

    public static List<string> Labels(IEnumerable<DateOnly> days) =>
        days.Select(d => d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
