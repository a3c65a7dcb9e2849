using System.Globalization;

namespace AvaOlo.MonitoringDashboards.Pages;

/// <summary>How dashboards print numbers: invariant culture so every instance and test sees the same text.</summary>
public static class Figures
{
    public static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Hectares to at most two decimals: 3.7500 → "3.75", 0.0200 → "0.02".</summary>
    public static string Hectares(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Number(double? value, string format = "#,0.#") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "–";

    public static string Money(decimal value) => "$" + value.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>Change against an earlier figure: "+12 (+3.4 %)"; "–" when there was nothing before.</summary>
    public static string Change(decimal now, decimal before)
    {
        var diff = now - before;
        var sign = diff >= 0 ? "+" : "−";
        var abs = Math.Abs(diff).ToString("#,0.##", CultureInfo.InvariantCulture);
        return before == 0 ? $"{sign}{abs}" : $"{sign}{abs} ({sign}{Math.Abs(diff / before * 100).ToString("0.#", CultureInfo.InvariantCulture)} %)";
    }

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
