using System.Globalization;
using System.Text;

namespace AvaOlo.Cli.Seeding;

/// <summary>
/// Dates, timestamps and small formatting helpers for the generator. Everything derives from one "today"
/// (read once from the clock) and the seeded random source, so a seed gives the same rows all day.
/// </summary>
internal sealed class SeedClock(Random random, DateOnly today)
{
    public DateOnly Today { get; } = today;
    public int Year => Today.Year;
    public Random Random { get; } = random;
    private DateTimeOffset Midnight(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>A working-hours moment on that day, never later than the start of today.</summary>
    public DateTimeOffset At(DateOnly day)
    {
        var t = Midnight(day).AddSeconds(Random.Next(6 * 3600, 20 * 3600));
        var latest = Midnight(Today).AddSeconds(-1);
        return t > latest ? latest : t;
    }

    public DateOnly DayIn(int year, int month) => new(year, month, 1 + Random.Next(28));

    public double Between(double min, double max) => min + Random.NextDouble() * (max - min);

    public decimal Dose(decimal min, decimal max, decimal step) =>
        Math.Round((min + (decimal)Random.NextDouble() * (max - min)) / step) * step;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public T PickWeighted<T>(IReadOnlyList<T> items, Func<T, int> weight)
    {
        var roll = Random.Next(items.Sum(weight));
        foreach (var item in items)
            if ((roll -= weight(item)) < 0) return item;
        return items[^1];
    }

    public static string Invariant(double value) => value.ToString("0.000000", CultureInfo.InvariantCulture);

    /// <summary>A rectangle of the given area around the centroid, as GeoJSON (lon, lat order).</summary>
    public string Rectangle(decimal lat, decimal lon, decimal areaHa)
    {
        var aspect = Between(1, 3);
        var width = Math.Sqrt((double)areaHa * 10_000 * aspect);
        var height = (double)areaHa * 10_000 / width;
        var dLat = height / 2 / 111_320;
        var dLon = width / 2 / (111_320 * Math.Cos((double)lat * Math.PI / 180));
        double la = (double)lat, lo = (double)lon;
        string P(double x, double y) => $"[{Invariant(x)},{Invariant(y)}]";
        return $"{{\"type\":\"Polygon\",\"coordinates\":[[{P(lo - dLon, la - dLat)},{P(lo + dLon, la - dLat)},{P(lo + dLon, la + dLat)},{P(lo - dLon, la + dLat)},{P(lo - dLon, la - dLat)}]]}}";
    }

    private static readonly string[] Cyrillic =
        ["а:a", "б:b", "в:v", "г:g", "д:d", "ђ:dj", "е:e", "ж:zh", "з:z", "и:i", "й:y", "ј:j", "к:k", "л:l", "љ:lj", "м:m", "н:n", "њ:nj",
         "о:o", "п:p", "р:r", "с:s", "т:t", "ћ:c", "у:u", "ф:f", "х:h", "ц:ts", "ч:ch", "џ:dz", "ш:sh", "щ:sht", "ъ:a", "ь:y", "ю:yu", "я:ya", "đ:d"];
    private static readonly Dictionary<char, string> Latin = Cyrillic.ToDictionary(p => p[0], p => p[2..]);

    /// <summary>ASCII for demo e-mail addresses: strips accents and transliterates Cyrillic.</summary>
    public static string Ascii(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (Latin.TryGetValue(c, out var l)) sb.Append(l);
            else if (c is >= 'a' and <= 'z') sb.Append(c);
        }
        return sb.ToString();
    }
}
