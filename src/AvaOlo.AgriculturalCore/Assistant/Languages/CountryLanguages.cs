using System.Globalization;

namespace AvaOlo.AgriculturalCore.Assistant.Languages;

/// <summary>
/// The main language of a country (CLDR "likely subtags"), used only as the fourth choice of reply language.
/// It is localisation data, not a gate: a country missing here falls back to .NET's culture data, then English,
/// and every country is served the same way.
/// </summary>
public static class CountryLanguages
{
    private static readonly Dictionary<string, string> Main = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SI"] = "sl", ["HR"] = "hr", ["BG"] = "bg", ["HU"] = "hu", ["RS"] = "sr", ["ME"] = "sr", ["BA"] = "bs", ["MK"] = "mk",
        ["AT"] = "de", ["DE"] = "de", ["CH"] = "de", ["LI"] = "de", ["IT"] = "it", ["SM"] = "it", ["GB"] = "en", ["IE"] = "en",
        ["US"] = "en", ["CA"] = "en", ["AU"] = "en", ["NZ"] = "en", ["FR"] = "fr", ["BE"] = "nl", ["NL"] = "nl", ["LU"] = "lb",
        ["ES"] = "es", ["PT"] = "pt", ["BR"] = "pt", ["MX"] = "es", ["AR"] = "es", ["CL"] = "es", ["CO"] = "es", ["PE"] = "es",
        ["PL"] = "pl", ["CZ"] = "cs", ["SK"] = "sk", ["RO"] = "ro", ["MD"] = "ro", ["GR"] = "el", ["CY"] = "el", ["TR"] = "tr",
        ["UA"] = "uk", ["RU"] = "ru", ["BY"] = "be", ["LT"] = "lt", ["LV"] = "lv", ["EE"] = "et", ["FI"] = "fi", ["SE"] = "sv",
        ["NO"] = "nb", ["DK"] = "da", ["IS"] = "is", ["AL"] = "sq", ["XK"] = "sq", ["IN"] = "hi", ["PK"] = "ur", ["BD"] = "bn",
        ["CN"] = "zh", ["JP"] = "ja", ["KR"] = "ko", ["VN"] = "vi", ["TH"] = "th", ["ID"] = "id", ["MY"] = "ms", ["PH"] = "tl",
        ["KE"] = "sw", ["TZ"] = "sw", ["ET"] = "am", ["NG"] = "en", ["GH"] = "en", ["ZA"] = "en", ["EG"] = "ar", ["MA"] = "ar",
        ["SA"] = "ar", ["IR"] = "fa", ["IL"] = "he", ["GE"] = "ka", ["AM"] = "hy", ["AZ"] = "az", ["KZ"] = "kk", ["UZ"] = "uz",
    };

    public static string? MainLanguageOf(string? country)
    {
        if (string.IsNullOrWhiteSpace(country)) return null;
        if (Main.TryGetValue(country, out var language)) return language;
        try
        {
            // .NET knows many "lang-REGION" cultures; the first specific culture for the region is a fair guess.
            var culture = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
                .FirstOrDefault(c => c.Name.EndsWith("-" + country.ToUpperInvariant(), StringComparison.Ordinal));
            return culture?.TwoLetterISOLanguageName is { Length: 2 } code ? code : null;
        }
        catch (CultureNotFoundException) { return null; }
    }
}
