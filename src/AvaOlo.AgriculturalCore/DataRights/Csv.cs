namespace AvaOlo.AgriculturalCore.DataRights;

/// <summary>RFC 4180: fields separated by commas, records by CRLF; a field holding a comma, quote or line break is quoted.</summary>
public static class Csv
{
    public const string RecordEnd = "\r\n";

    /// <summary>One field, quoted only when it must be, with its quotes doubled. Null is the empty field.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>One record with its CRLF.</summary>
    public static string Record(IEnumerable<string?> values) => string.Join(',', values.Select(Field)) + RecordEnd;
}
