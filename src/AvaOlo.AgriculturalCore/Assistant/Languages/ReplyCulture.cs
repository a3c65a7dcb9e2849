using System.Globalization;

namespace AvaOlo.AgriculturalCore.Assistant.Languages;

/// <summary>The culture that writes numbers and dates the way the reply language does.</summary>
public static class ReplyCulture
{
    public static CultureInfo For(string language)
    {
        try
        {
            // Serbian answers are in Cyrillic; its culture name says so.
            return CultureInfo.GetCultureInfo(language == "sr" ? "sr-Cyrl-RS" : language);
        }
        catch (CultureNotFoundException) { return CultureInfo.InvariantCulture; }
    }
}
