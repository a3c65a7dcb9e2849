using System.Buffers;

namespace AvaOlo.ServiceDefaults.Input;

/// <summary>
/// Where a value came from decides which control characters it may carry. <see cref="Token"/>: path segments and
/// query values (ids, codes, dates, filters), one line, no control character at all. <see cref="Text"/>: JSON strings
/// and form fields, which may be free text across lines, so tab, line feed and carriage return are allowed.
/// </summary>
public enum TextKind { Token, Text }

/// <summary>
/// Characters no client value may carry: NUL (PostgreSQL text cannot hold it: every such value used to end in a 500),
/// unpaired UTF-16 surrogates (not Unicode text; no UTF-8 encoder can write them to the database) and control
/// characters, which mean nothing in our fields and rewrite terminals and logs. A pure function, tested by table.
/// </summary>
public static class ForbiddenText
{
    public const string NulReason = "must not contain the NUL character (U+0000)";
    public const string SurrogateReason = "must not contain an unpaired UTF-16 surrogate (it is not valid Unicode text)";
    public const string ControlReason = "must not contain control characters";

    // Everything that needs a closer look: C0 controls, DEL and the surrogate range (pairs are fine, so they are checked one by one).
    private static readonly SearchValues<char> Suspicious = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Append(0x7F).Concat(Enumerable.Range(0xD800, 0x800)).Select(c => (char)c)));

    /// <summary>Why the value is refused, or null when it is fine. NUL is named before other control characters.</summary>
    public static string? Check(ReadOnlySpan<char> value, TextKind kind)
    {
        var i = value.IndexOfAny(Suspicious);
        if (i < 0) return null;
        string? control = null;
        for (; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0') return NulReason;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
                return SurrogateReason;
            }
            if (char.IsLowSurrogate(c)) return SurrogateReason;
            if (c < 0x20 || c == 0x7F)
            {
                if (kind == TextKind.Text && c is '\t' or '\n' or '\r' or '\x7F') continue;
                control ??= ControlReason;
            }
        }
        return control;
    }
}
