using System.Globalization;

namespace AvaOlo.MonitoringDashboards.Pages;

/// <summary>How dashboards print numbers: invariant culture so every instance and test sees the same text.</summary>
public static class Figures
{
    public static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Hectares to at most two decimals: 3.7500 → "3.75", 0.0200 → "0.02".</summary>
    public static string Hectares(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
