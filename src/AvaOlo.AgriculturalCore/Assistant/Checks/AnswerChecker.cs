using AvaOlo.AgriculturalCore.Assistant.Languages;

namespace AvaOlo.AgriculturalCore.Assistant.Checks;

/// <summary>Runs <see cref="ConstitutionalChecks"/> on an answer, with what they need from outside the text.</summary>
public sealed class AnswerChecker(FarmerNames farmerNames, LanguageDetection languages)
{
    /// <summary>
    /// A model's answer: its language is Lingua's reading, and names of other farmers in it are a privacy breach,
    /// so they are looked up.
    /// </summary>
    public async Task<IReadOnlyList<CheckResult>> CheckModelAnswerAsync(string text, string language, int? farmerId, string? country, CancellationToken ct)
    {
        var names = await farmerNames.FoundInAsync(text, farmerId, ct);
        return ConstitutionalChecks.Evaluate(new CheckInput(text, language, languages.Detect(text, hint: language), languages.Languages, names, country));
    }

    /// <summary>
    /// A rule-based answer holds only the asker's records, so no names are looked up. Its language is known, not
    /// guessed: it is the phrasebook's (English where the reply language has none, which the check then reports).
    /// Lingua misreads these short texts: product names make an English sentence Hungarian, Serbian Cyrillic reads
    /// as Macedonian.
    /// </summary>
    public IReadOnlyList<CheckResult> CheckRuleBasedAnswer(AssistantAnswer answer, string expectedLanguage, string? country = null) =>
        ConstitutionalChecks.Evaluate(new CheckInput(answer.Text, expectedLanguage, answer.Language, languages.Languages, [], country));
}
