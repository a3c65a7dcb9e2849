using System.Globalization;
using System.Text.RegularExpressions;

namespace AvaOlo.AgriculturalCore.WhatsApp.Media;

/// <summary>
/// What the vision model is told about a farmer's photo, and the last check on what it says: a cautious description or
/// possible diagnosis, never a dose — a photo cannot carry the label, the crop stage or the country's rules a dose needs,
/// and an agronomist reviews every photo anyway.
/// </summary>
public static partial class PhotoPrompt
{
    public static string System(string language) =>
        "You are AVA OLO, an agricultural assistant. A farmer sent a photo (of a crop, leaves, a pest, soil or a field) on WhatsApp. " +
        "Describe cautiously what you can see and what it might be: name possible causes (disease, pest, nutrient deficiency, weather damage) " +
        "with how sure you are, and what the farmer could check to tell them apart. Never give a dose, a rate or an amount of any product, " +
        "and do not tell the farmer to apply a product: an agronomist will look at the photo and answer about treatment. " +
        "If the photo shows nothing agricultural or is unclear, say so briefly. At most five short sentences, plain text, " +
        $"written in {NameOf(language)} (language code {language}).";

    /// <summary>The caption, or a neutral line when the farmer sent the photo alone.</summary>
    public static string Question(string? caption) =>
        string.IsNullOrWhiteSpace(caption) ? "What can you see on this photo?" : caption.Trim();

    /// <summary>
    /// True when the text states an amount of product (1 l/ha, 0,75 L/ha, 200 ml, 2 kg/ha): such a reading is not sent,
    /// the farmer gets the acknowledgement instead. (A share in % is left alone: "30 % of the leaves" describes, not doses.)
    /// </summary>
    public static bool HasDose(string text) => Dose().IsMatch(text);

    private static string NameOf(string language)
    {
        try { return CultureInfo.GetCultureInfo(language).EnglishName; }
        catch (CultureNotFoundException) { return "the farmer's language"; }
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)?\s*(?:[-–]\s*\d+(?:[.,]\d+)?\s*)?(?:ml|l|g|kg|dl|cl)(?:\s*/\s*(?:ha|a|m2|m²|l|hl|100\s*l))?(?![\p{L}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dose();
}
