using System.Text;

namespace AvaOlo.AgriculturalCore.Tests.DataRights;

/// <summary>A strict RFC 4180 reader, written apart from the service's writer so the two check each other.</summary>
public static class CsvReader
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException("unterminated quoted field");
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; }
                    else if (text[i] == '"') { i++; break; }
                    else field.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"') throw new FormatException($"a quote inside an unquoted field at {i}");
                    field.Append(text[i++]);
                }
            }
            record.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == ',') { i++; continue; }
            if (i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n') i += 2;
            else if (i < text.Length) throw new FormatException($"a record must end with CRLF (at {i})");
            records.Add([.. record]);
            record.Clear();
        }
        return records;
    }

    /// <summary>Rows as column → value, from a header row.</summary>
    public static List<Dictionary<string, string>> Rows(string text)
    {
        var all = Parse(text);
        var header = all[0];
        return all.Skip(1).Select(r =>
        {
            Assert.Equal(header.Length, r.Length);
            return header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }).ToList();
    }
}
