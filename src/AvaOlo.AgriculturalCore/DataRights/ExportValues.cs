using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace AvaOlo.AgriculturalCore.DataRights;

/// <summary>A jsonb value, written into the JSON export as JSON and into a CSV as its text.</summary>
public sealed record RawJson(string Text);

/// <summary>One exported column: its name and position in the reader.</summary>
internal sealed record ExportColumn(string Name, int Ordinal, string DataType);

/// <summary>Turns PostgreSQL values into JSON values and CSV text, the same way for every table.</summary>
public static class ExportValues
{
    /// <summary>The columns to export: all but the withheld ones and byte columns, so no secret hash can ever leave.</summary>
    internal static List<ExportColumn> Columns(NpgsqlDataReader r, IReadOnlyCollection<string>? withheld = null) =>
        Enumerable.Range(0, r.FieldCount)
            .Select(i => new ExportColumn(r.GetName(i), i, r.GetDataTypeName(i)))
            .Where(c => c.DataType != "bytea" && withheld?.Contains(c.Name) != true)
            .ToList();

    internal static object? Read(NpgsqlDataReader r, ExportColumn c)
    {
        if (r.IsDBNull(c.Ordinal)) return null;
        return c.DataType switch
        {
            "jsonb" or "json" => new RawJson(r.GetString(c.Ordinal)),
            "timestamp with time zone" => r.GetFieldValue<DateTimeOffset>(c.Ordinal),
            "date" => r.GetFieldValue<DateOnly>(c.Ordinal),
            _ => r.GetValue(c.Ordinal),
        };
    }

    public static void WriteJson(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case RawJson json: w.WriteRawValue(json.Text); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case short or int or long: w.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case decimal d: w.WriteNumberValue(d); break;
            case double or float: w.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture)); break;
            case DateTimeOffset t: w.WriteStringValue(Timestamp(t)); break;
            case DateOnly d: w.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case Array a:
                w.WriteStartArray();
                foreach (var item in a) WriteJson(w, item is DBNull ? null : item);
                w.WriteEndArray();
                break;
            default: w.WriteStringValue(CsvText(value)); break;
        }
    }

    /// <summary>A value as CSV text: arrays as JSON arrays, times in ISO 8601 UTC, numbers in invariant form.</summary>
    public static string CsvText(object? value) => value switch
    {
        null => "",
        RawJson json => json.Text,
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset t => Timestamp(t),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture), // timestamp without time zone
        Array a => JsonArray(a),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Timestamp(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string JsonArray(Array a)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer)) WriteJson(w, a);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
