using AvaOlo.AgriculturalCore.Assistant.Languages;
using AvaOlo.AgriculturalCore.Assistant.RuleBased;

namespace AvaOlo.AgriculturalCore.Assistant.Confirmations;

/// <summary>
/// A proposal in words the farmer checks before saying yes: the work, where, with what and when, with the common task
/// types in the reply language and numbers and dates in its format ("škropljenje – Velika njiva – Prosaro 250 EC 1 l/ha – 6. 12. 2026").
/// </summary>
public static class ProposalSummary
{
    public static string Of(RecordTaskProposal p, string language)
    {
        var culture = ReplyCulture.For(language);
        var parts = new List<string> { TaskTypes.Name(p.Type, language), string.Join(", ", p.FieldNames) };
        if (p.MaterialName is { } product)
            parts.Add(p.Dose is { } dose ? $"{product} {dose.ToString("0.###", culture)} {p.Unit}".TrimEnd() : product);
        parts.Add(p.DoneOn.ToString("d", culture));
        return string.Join(" – ", parts.Where(x => x.Length > 0));
    }

    public static string OfTask(string type, IEnumerable<string> fields, DateOnly? date, string language)
    {
        var parts = new List<string> { TaskTypes.Name(type, language), string.Join(", ", fields) };
        if (date is { } d) parts.Add(d.ToString("d", ReplyCulture.For(language)));
        return string.Join(" – ", parts.Where(x => x.Length > 0));
    }

    internal static string Days(int days, string language) => days.ToString(ReplyCulture.For(language));

    internal static string Date(DateOnly date, string language) => date.ToString("d", ReplyCulture.For(language));
}
