using System.Text.RegularExpressions;

namespace AvaOlo.AgriculturalCore.Assistant.Privacy;

/// <summary>The textual shapes of contact data that have no library of their own here.</summary>
internal static partial class PersonalDataPatterns
{
    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}")]
    public static partial Regex Email();

    // ISO 13616: two letters, two check digits, 11–30 letters or digits, often in groups of four. Checked by mod 97.
    [GeneratedRegex(@"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}\b")]
    public static partial Regex Iban();

    // A VAT or tax number with its country prefix (the EU's VIES formats, plus the region's neighbours): two capital
    // letters, an optional "U" (Austria), then 8–13 digits in at most a few groups. The prefixes are the standard's
    // table for recognising the number, not a list that gates behaviour.
    [GeneratedRegex(@"\b(?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|GR|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI|GB|CH|NO|RS|ME|BA|MK|AL)[ -]?U?(?:[0-9][ .-]?){7,12}[0-9][A-Z]{0,2}\b")]
    public static partial Regex Vat();

    // International numbers (+386 41 234 567) or long local ones; dates and hectares do not reach 9 digits in a row.
    // A fertiliser grade and its dose ("NPK 15-15-15 400 kg/ha") does, so a number does not start with a grade.
    [GeneratedRegex(@"(?<![\w.])(?!\d{1,2}-\d{1,2}-\d{1,2}(?!\d))\+?\d(?:[\s\-/]?\d){8,14}(?!\w)")]
    public static partial Regex LongNumber();
}

/// <summary>The IBAN check: move the first four characters to the end, letters to numbers (A = 10), mod 97 = 1.</summary>
internal static class Iban
{
    public static bool IsValid(ReadOnlySpan<char> candidate)
    {
        Span<char> compact = stackalloc char[candidate.Length];
        var n = 0;
        foreach (var ch in candidate)
            if (ch != ' ') compact[n++] = ch;
        if (n is < 15 or > 34) return false;
        var iban = compact[..n];
        var remainder = 0;
        for (var i = 0; i < n; i++)
        {
            var ch = iban[(i + 4) % n];
            if (char.IsAsciiDigit(ch)) remainder = (remainder * 10 + (ch - '0')) % 97;
            else if (char.IsAsciiLetterUpper(ch)) remainder = (remainder * 100 + (ch - 'A' + 10)) % 97;
            else return false;
        }
        return remainder == 1;
    }
}
