using System.Text.Json;

namespace AvaOlo.Security.Tests.OpenApi;

public enum SchemaKind { Any, String, Integer, Number, Boolean, Array, Object }

/// <summary>The parts of an OpenAPI 3.1 schema the edge generator reads, with $refs resolved.</summary>
public sealed record Schema(SchemaKind Kind)
{
    public string? Format { get; init; }
    public decimal? Minimum { get; init; }
    public decimal? Maximum { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public int? MaxItems { get; init; }
    public IReadOnlyList<string> Enum { get; init; } = [];
    public Schema? Items { get; init; }
    public IReadOnlyDictionary<string, Schema> Properties { get; init; } = new Dictionary<string, Schema>();

    /// <summary>
    /// Reads a schema. ASP.NET Core documents numbers as ["integer", "string"] (they may be sent quoted), so a numeric
    /// type wins over "string"; "null" only says the value may be null; oneOf [null, $ref] is the $ref.
    /// </summary>
    public static Schema Read(JsonElement e, JsonElement components, int depth = 0)
    {
        if (depth > 8) return new(SchemaKind.Any);
        if (e.TryGetProperty("$ref", out var r)) return Read(Resolve(r.GetString()!, components), components, depth + 1);
        if (e.TryGetProperty("oneOf", out var oneOf) || e.TryGetProperty("anyOf", out oneOf))
        {
            var real = oneOf.EnumerateArray().FirstOrDefault(o => !(o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
            return real.ValueKind == JsonValueKind.Undefined ? new(SchemaKind.Any) : Read(real, components, depth + 1);
        }
        var types = !e.TryGetProperty("type", out var type) ? [] :
            type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
        var kind = types.Contains("integer") ? SchemaKind.Integer : types.Contains("number") ? SchemaKind.Number
            : types.Contains("boolean") ? SchemaKind.Boolean : types.Contains("array") ? SchemaKind.Array
            : types.Contains("object") || e.TryGetProperty("properties", out _) ? SchemaKind.Object
            : types.Contains("string") ? SchemaKind.String : SchemaKind.Any;
        return new Schema(kind)
        {
            Format = Text(e, "format"),
            Minimum = Number(e, "minimum"), Maximum = Number(e, "maximum"),
            MinLength = (int?)Number(e, "minLength"), MaxLength = (int?)Number(e, "maxLength"), MaxItems = (int?)Number(e, "maxItems"),
            Enum = e.TryGetProperty("enum", out var en) ? en.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList() : [],
            Items = e.TryGetProperty("items", out var items) ? Read(items, components, depth + 1) : null,
            Properties = e.TryGetProperty("properties", out var props)
                ? props.EnumerateObject().ToDictionary(p => p.Name, p => Read(p.Value, components, depth + 1))
                : new Dictionary<string, Schema>(),
        };
    }

    private static JsonElement Resolve(string reference, JsonElement components)
    {
        const string prefix = "#/components/schemas/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal)) throw new InvalidOperationException($"unsupported $ref {reference}");
        return components.GetProperty("schemas").GetProperty(reference[prefix.Length..]);
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static decimal? Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
}
