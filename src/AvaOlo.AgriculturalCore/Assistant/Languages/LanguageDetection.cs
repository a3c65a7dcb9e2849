using System.Collections.Concurrent;
using System.Globalization;
using Lingua;

namespace AvaOlo.AgriculturalCore.Assistant.Languages;

/// <summary>
/// Lingua restricted to the configured languages (SUPPORTED_LANGUAGES), in low-accuracy mode: the high-accuracy
/// models cost ~0.6 GB, more than a whole 0.5 GB instance. Built on first use, not at start-up.
/// </summary>
public sealed class LanguageDetection(AssistantOptions options)
{
    public const string DefaultLanguages = "sl,hr,bg,hu,sr,de,it,en,bs,mk,ro,pl,cs,sk,fr,es,pt,nl,ru,uk,el,tr,sw,vi,hi";

    /// <summary>Texts up to this long have their reading remembered; at most <see cref="RememberedTexts"/> of them.</summary>
    public const int RememberedLength = 1000, RememberedTexts = 2048;

    private readonly Lazy<(LanguageDetector Detector, IReadOnlySet<string> Codes)> _lazy = new(() => Build(options.SupportedLanguages));

    // Lingua costs about a millisecond a text, and the same texts come back: a question asked again (a cache hit of a
    // farmer without a preferred language), an offline answer from the same records and rules. Same text and hint,
    // same reading, so a bounded memo changes no result. Emptied when full rather than tracking recency: cheap, and a
    // busy instance refills it with the texts that matter within seconds.
    private readonly ConcurrentDictionary<(string Text, string? Hint), string?> _remembered = new();

    public IReadOnlySet<string> Languages => _lazy.Value.Codes;

    /// <summary>
    /// The ISO 639-1 code of the text's language, or null when unsure. A short question is often nearly as likely
    /// Slovenian as Croatian; when the hint (the country's language) is a close second the hint wins: within half
    /// the best confidence, or within a tenth of it for a question of a few words, where trigram statistics are thin.
    /// </summary>
    public string? Detect(string text, string? hint = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text.Length > RememberedLength) return Compute(text, hint);
        if (_remembered.TryGetValue((text, hint), out var known)) return known;
        var detected = Compute(text, hint);
        if (_remembered.Count >= RememberedTexts) _remembered.Clear();
        _remembered[(text, hint)] = detected;
        return detected;
    }

    private string? Compute(string text, string? hint)
    {
        var values = _lazy.Value.Detector.ComputeLanguageConfidenceValues(text);
        if (values.Count == 0) return null;
        var best = values.MaxBy(v => v.Value);
        if (best.Value <= 0) return null;
        if (hint is not null && Enum.TryParse<IsoCode6391>(hint, ignoreCase: true, out var iso) && iso != IsoCode6391.None
            && values.TryGetValue(LanguageInfo.GetByIsoCode6391(iso), out var hinted) && hinted >= best.Value * (text.Length < 40 ? 0.1 : 0.5))
            return hint.ToLowerInvariant();
        return LanguageInfo.IsoCode6391(best.Key).ToString().ToLowerInvariant();
    }

    private static (LanguageDetector, IReadOnlySet<string>) Build(string? configured)
    {
        var languages = (string.IsNullOrWhiteSpace(configured) ? DefaultLanguages : configured)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => Enum.TryParse<IsoCode6391>(code, ignoreCase: true, out var iso) && iso != IsoCode6391.None ? LanguageInfo.GetByIsoCode6391(iso) : Language.Unknown)
            .Where(l => l != Language.Unknown).Distinct().ToArray();
        if (languages.Length < 2) languages = [Language.English, Language.Slovene];
        var detector = LanguageDetectorBuilder.FromLanguages(languages).WithLowAccuracyMode().Build();
        var codes = languages.Select(l => LanguageInfo.IsoCode6391(l).ToString().ToLower(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        return (detector, codes);
    }
}
