namespace AvaOlo.AgriculturalCore.Assistant.Languages;

public enum Script { Unknown, Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Han, Other }

/// <summary>Which writing system a text is mostly in, and which ones a language is written in.</summary>
public static class Scripts
{
    public static Script Dominant(string text)
    {
        var counts = new Dictionary<Script, int>();
        foreach (var ch in text)
        {
            if (!char.IsLetter(ch)) continue;
            var script = Of(ch);
            counts[script] = counts.GetValueOrDefault(script) + 1;
        }
        return counts.Count == 0 ? Script.Unknown : counts.MaxBy(kv => kv.Value).Key;
    }

    public static Script Of(char ch) => ch switch
    {
        <= '\u024F' => Script.Latin,
        >= '\u0370' and <= '\u03FF' => Script.Greek,
        >= '\u0400' and <= '\u052F' => Script.Cyrillic,
        >= '\u0590' and <= '\u05FF' => Script.Hebrew,
        >= '\u0600' and <= '\u06FF' => Script.Arabic,
        >= '\u0900' and <= '\u097F' => Script.Devanagari,
        >= '\u1E00' and <= '\u1EFF' => Script.Latin, // Latin Extended Additional (Vietnamese)
        >= '\u4E00' and <= '\u9FFF' => Script.Han,
        _ => Script.Other,
    };

    /// <summary>Scripts a language is normally written in; unknown languages accept any script.</summary>
    public static IReadOnlySet<Script>? Expected(string language) => language switch
    {
        "bg" or "ru" or "uk" or "be" or "mk" or "kk" or "mn" => new HashSet<Script> { Script.Cyrillic },
        "sr" => new HashSet<Script> { Script.Cyrillic, Script.Latin }, // Serbian is written in both
        "el" => new HashSet<Script> { Script.Greek },
        "ar" or "fa" or "ur" => new HashSet<Script> { Script.Arabic },
        "he" => new HashSet<Script> { Script.Hebrew },
        "hi" or "mr" or "ne" => new HashSet<Script> { Script.Devanagari },
        "zh" => new HashSet<Script> { Script.Han },
        "ja" or "ko" or "th" or "ka" or "hy" or "am" or "bn" or "ta" or "te" or "gu" or "pa" or "si" => null,
        _ => new HashSet<Script> { Script.Latin },
    };
}
