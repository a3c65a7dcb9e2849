namespace AvaOlo.AgriculturalCore.WhatsApp.Onboarding;

/// <summary>
/// Does a reply read as a name (the farmer's or the farm's) rather than a new question? A name is a few words of
/// letters — any script — with at most a hyphen, an apostrophe or a full stop between them; a question mark, digits or
/// a long sentence mean the farmer asked something else, which the assistant answers before onboarding asks again.
/// Deciding here, before anything reaches the model, is what keeps a farmer's name away from it.
/// </summary>
public static class OnboardingRules
{
    public const int MaxNameWords = 6;
    public const int MaxNameLength = 100;

    /// <summary>How long a "no" to the consent question is respected before onboarding offers itself again.</summary>
    public static readonly TimeSpan RefusalRemembered = TimeSpan.FromDays(90);

    /// <summary>The name as we store it (spaces collapsed), or null when the text is not a name.</summary>
    public static string? NameFrom(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var name = string.Join(' ', words).TrimEnd('.', '!');
        if (name.Length is 0 or > MaxNameLength || words.Length > MaxNameWords) return null;
        if (!char.IsLetter(name[0])) return null;
        return name.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '’' or '.' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark) ? name : null;
    }
}
