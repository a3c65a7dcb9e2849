using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AvaOlo.ServiceDefaults.Input;

/// <summary>A JSON value holding a forbidden character; the serializer adds the path, and a 400 names that field.</summary>
public sealed class ForbiddenTextException(string reason) : JsonException(reason)
{
    public string Reason { get; } = reason;
}

/// <summary>
/// Every string in every request body passes <see cref="ForbiddenText"/> as it is read, whatever record it lands in:
/// one converter registered with the JSON options instead of a check in each endpoint. Writing is the built-in
/// converter's job, untouched.
/// </summary>
public sealed class CheckedStringConverter : JsonConverter<string>
{
    private static readonly JsonConverter<string?> Builtin = JsonMetadataServices.StringConverter;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A number or an object where a string belongs: the built-in converter's error ("must be a string").
        if (reader.TokenType != JsonTokenType.String) return Builtin.Read(ref reader, typeToConvert, options);
        return Checked(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => Builtin.Write(writer, value, options);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(ref reader);

    // As the built-in converter does: dictionary keys follow the key policy (extension data never reaches here).
    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(options.DictionaryKeyPolicy?.ConvertName(value) ?? value);

    private static string Checked(ref Utf8JsonReader reader)
    {
        string value;
        // The reader refuses to unescape "\ud800" into a string: that is the lone-surrogate case.
        try { value = reader.GetString()!; }
        catch (InvalidOperationException) { throw new ForbiddenTextException(ForbiddenText.SurrogateReason); }
        return ForbiddenText.Check(value, TextKind.Text) is { } reason ? throw new ForbiddenTextException(reason) : value;
    }
}

/// <summary>Free-form JSON (a GeoJSON boundary) is stored as jsonb, which refuses \u0000 too: its strings and names are checked.</summary>
public sealed class CheckedJsonElementConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var element = JsonElement.ParseValue(ref reader);
        if (Find(element, 0) is { } reason) throw new ForbiddenTextException(reason);
        return element;
    }

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);

    private static string? Find(JsonElement e, int depth)
    {
        if (depth > 64) return null; // the reader's MaxDepth has refused deeper documents already
        try
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: return ForbiddenText.Check(e.GetString(), TextKind.Text);
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray()) if (Find(item, depth + 1) is { } r) return r;
                    return null;
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                        if ((ForbiddenText.Check(p.Name, TextKind.Text) ?? Find(p.Value, depth + 1)) is { } r) return r;
                    return null;
                default: return null;
            }
        }
        catch (InvalidOperationException) { return ForbiddenText.SurrogateReason; }
    }
}
