using System.Globalization;

namespace AvaOlo.AgriculturalCore.WhatsApp.Outbox;

/// <summary>
/// Splits an answer into WhatsApp-sized parts (4,096 characters on the Cloud API, 1,600 on Twilio, counted in UTF-16 code units as the providers'
/// limits are): at the last sentence end that fits, else the last line break or space, else (a single word longer
/// than a message) at a text-element boundary, so a surrogate pair or a combining mark is never cut in two.
/// </summary>
public static class MessageSplitter
{
    public const int MaxLength = 4096;

    /// <summary>Twilio refuses a WhatsApp Body over 1,600 characters.</summary>
    public const int TwilioMaxLength = 1600;

    public static IReadOnlyList<string> Split(string text, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > maxLength)
        {
            var cut = SentenceEnd(rest, maxLength) ?? Whitespace(rest, maxLength) ?? ElementBoundary(rest, maxLength);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0) parts.Add(rest);
        return parts;
    }

    /// <summary>Just after the last ". ", "! ", "? " (or their full-width and line-break forms) within the limit.</summary>
    private static int? SentenceEnd(string text, int max)
    {
        for (var i = Math.Min(max, text.Length - 1); i > 0; i--)
        {
            if (!char.IsWhiteSpace(text[i])) continue;
            var before = text[i - 1];
            if (before is '.' or '!' or '?' or '…' or '。' or '！' or '？' || (text[i] == '\n' && i + 1 < text.Length && text[i + 1] == '\n'))
                return i;
        }
        return null;
    }

    private static int? Whitespace(string text, int max)
    {
        for (var i = Math.Min(max, text.Length - 1); i > 0; i--)
            if (char.IsWhiteSpace(text[i])) return i;
        return null;
    }

    private static int ElementBoundary(string text, int max)
    {
        var last = 0;
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            var end = e.ElementIndex + ((string)e.Current).Length;
            if (end > max) break;
            last = end;
        }
        // One text element longer than a message (absurd combining sequences): cut before a low surrogate at least.
        if (last == 0) last = char.IsLowSurrogate(text[max]) ? max - 1 : max;
        return last;
    }
}
