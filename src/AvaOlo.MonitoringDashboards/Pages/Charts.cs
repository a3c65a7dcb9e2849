namespace AvaOlo.MonitoringDashboards.Pages;

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
