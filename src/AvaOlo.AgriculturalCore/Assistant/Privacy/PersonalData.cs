using System.Text;
using PhoneNumbers;

namespace AvaOlo.AgriculturalCore.Assistant.Privacy;

public enum PersonalDataKind { Phone, Email, VatNumber, Iban, Name }

/// <summary>One piece of identity or contact data in a text: what it is and where (UTF-16 offsets).</summary>
public sealed record PersonalDataMatch(PersonalDataKind Kind, int Start, int Length);

/// <summary>Finds the farmer names a text contains, as spans of the text (see <see cref="TextWords"/>).</summary>
public interface INameFinder
{
    IEnumerable<(int Start, int Length)> FindNames(string text);
}

/// <summary>
/// Identity and contact data in free text — phone numbers (libphonenumber's finder), e-mail addresses, VAT and IBAN
/// numbers, and the names of known farmers — found the same way before a text goes to a model (to redact it) and in
/// the model's answer (to refuse it). Pure: the name finder is passed in.
/// </summary>
public static class PersonalData
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Every match, in text order, overlaps merged into the first (longest-first at equal starts).</summary>
    /// <param name="region">The farmer's country: numbers written without "+" are read as that country's.</param>
    public static IReadOnlyList<PersonalDataMatch> Find(string text, string? region, INameFinder? names = null)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var found = new List<PersonalDataMatch>();
        foreach (var m in PersonalDataPatterns.Email().EnumerateMatches(text)) found.Add(new(PersonalDataKind.Email, m.Index, m.Length));
        foreach (var m in PersonalDataPatterns.Iban().EnumerateMatches(text))
            if (Iban.IsValid(text.AsSpan(m.Index, m.Length))) found.Add(new(PersonalDataKind.Iban, m.Index, m.Length));
        foreach (var m in PersonalDataPatterns.Vat().EnumerateMatches(text)) found.Add(new(PersonalDataKind.VatNumber, m.Index, m.Length));
        AddPhones(text, region, found);
        if (names is not null)
            foreach (var (start, length) in names.FindNames(text)) found.Add(new(PersonalDataKind.Name, start, length));
        return Merge(found);
    }

    /// <summary>The text with every match replaced by a placeholder such as "[phone]"; the rest is left as it was.</summary>
    public static string Redact(string text, string? region, INameFinder? names = null) => Redact(text, Find(text, region, names));

    public static string Redact(string text, IReadOnlyList<PersonalDataMatch> matches)
    {
        if (matches.Count == 0) return text;
        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var m in matches)
        {
            sb.Append(text, at, m.Start - at).Append(Placeholder(m.Kind));
            at = m.Start + m.Length;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    public static string Placeholder(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Phone => "[phone]",
        PersonalDataKind.Email => "[e-mail]",
        PersonalDataKind.VatNumber => "[VAT number]",
        PersonalDataKind.Iban => "[IBAN]",
        _ => "[name]",
    };

    private static void AddPhones(string text, string? region, List<PersonalDataMatch> found)
    {
        // libphonenumber finds numbers that are valid for their country, written the way people write them; without a
        // region only international ("+…", "00…") numbers are read. The long-digit-run pattern is a backstop for numbers
        // the finder does not call valid (a mistyped or foreign local number is still someone's number).
        var readAs = region is { Length: 2 } && Phones.GetSupportedRegions().Contains(region.ToUpperInvariant()) ? region.ToUpperInvariant() : null;
        foreach (var m in Phones.FindNumbers(text, readAs, PhoneNumberUtil.Leniency.VALID, long.MaxValue))
            found.Add(new(PersonalDataKind.Phone, m.Start, m.RawString.Length));
        foreach (var m in PersonalDataPatterns.LongNumber().EnumerateMatches(text)) found.Add(new(PersonalDataKind.Phone, m.Index, m.Length));
    }

    private static List<PersonalDataMatch> Merge(List<PersonalDataMatch> found)
    {
        found.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var merged = new List<PersonalDataMatch>(found.Count);
        foreach (var m in found)
        {
            if (merged.Count > 0 && m.Start < merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                var end = Math.Max(last.Start + last.Length, m.Start + m.Length);
                merged[^1] = last with { Length = end - last.Start };
                continue;
            }
            merged.Add(m);
        }
        return merged;
    }
}
