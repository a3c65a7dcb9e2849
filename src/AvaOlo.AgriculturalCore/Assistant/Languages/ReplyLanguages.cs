namespace AvaOlo.AgriculturalCore.Assistant.Languages;

/// <summary>The reply language of one question (<see cref="LanguageResolver"/>'s order), reading the question only when needed.</summary>
public sealed class ReplyLanguages(LanguageDetection detection, AssistantOptions options)
{
    public ResolvedLanguage Choose(string question, string? requested, string? preferred, string? country)
    {
        var countryLanguage = options.CountryLocalization ? CountryLanguages.MainLanguageOf(country) : null;
        // The question's language only matters when neither the request nor the farmer names one: skip Lingua then.
        var detected = requested is null && preferred is null ? detection.Detect(question, countryLanguage) : null;
        return LanguageResolver.Resolve(requested, preferred, detected, countryLanguage);
    }
}
