namespace AvaOlo.AgriculturalCore.Assistant.Languages;

/// <summary>Where the reply language came from, for the response metadata and the logs.</summary>
public enum LanguageSource { Request, FarmerPreference, Question, Country, Default }

public sealed record ResolvedLanguage(string Code, LanguageSource Source);

/// <summary>
/// The reply language, in the order PRODUCT.md fixes: the request's explicit language → the farmer's
/// preferred language → the language of the question → the country's main language → English.
/// A Hungarian speaker with a +385 number therefore keeps Hungarian.
/// </summary>
public static class LanguageResolver
{
    public static ResolvedLanguage Resolve(string? requested, string? preferred, string? detected, string? countryMain)
    {
        if (Usable(requested)) return new(requested!.ToLowerInvariant(), LanguageSource.Request);
        if (Usable(preferred)) return new(preferred!.ToLowerInvariant(), LanguageSource.FarmerPreference);
        if (Usable(detected)) return new(detected!.ToLowerInvariant(), LanguageSource.Question);
        if (Usable(countryMain)) return new(countryMain!.ToLowerInvariant(), LanguageSource.Country);
        return new("en", LanguageSource.Default);
    }

    private static bool Usable(string? code) => code is { Length: 2 } && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]);
}
