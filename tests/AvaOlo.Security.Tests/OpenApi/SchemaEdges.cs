using System.Globalization;
using System.Text.Json;

namespace AvaOlo.Security.Tests.OpenApi;

/// <summary>
/// What a value is meant to provoke. <see cref="Forbidden"/>: a character PostgreSQL or our storage cannot hold (or a
/// control character where none belongs): the answer must be a 400 naming the field. <see cref="Hostile"/>: anything
/// else at or past an edge: any 2xx or 4xx, never a 5xx.
/// </summary>
public enum EdgeKind { Hostile, Forbidden }

/// <summary>One generated value: raw JSON (bodies) or percent-encoded text (path and query).</summary>
public sealed record Edge(string Label, string Raw, EdgeKind Kind = EdgeKind.Hostile);

/// <summary>
/// Values at and around the edges an OpenAPI schema describes — its type, format, minimum/maximum, maxLength,
/// maxItems and enum — plus the values every field must survive: empty, over-long, wrong type, NUL, a lone
/// surrogate, control characters. A pure function of the schema.
/// </summary>
public static class SchemaEdges
{
    /// <summary>Edges for a value in a JSON body.</summary>
    public static IReadOnlyList<Edge> ForJson(Schema s)
    {
        var edges = new List<Edge>();
        switch (s.Kind)
        {
            case SchemaKind.Integer:
                edges.AddRange(Numbers(s, integer: true).Select(n => new Edge(n, n)));
                edges.AddRange(Numbers(s, integer: true).Take(3).Select(n => new Edge($"\"{n}\"", $"\"{n}\"")));
                break;
            case SchemaKind.Number:
                edges.AddRange(Numbers(s, integer: false).Select(n => new Edge(n, n)));
                edges.Add(new("\"NaN\"", "\"NaN\""));
                edges.Add(new("\"-Infinity\"", "\"-Infinity\""));
                break;
            case SchemaKind.Boolean:
                edges.AddRange(new[] { "true", "false", "\"true\"", "1" }.Select(v => new Edge(v, v)));
                break;
            case SchemaKind.String:
                edges.AddRange(Strings(s).Select(v => new Edge(Trunc(v), JsonText.Of(v))));
                break;
            case SchemaKind.Array:
                edges.Add(new("[]", "[]"));
                edges.Add(new("[null]", "[null]"));
                edges.Add(new("[[]]", "[[]]"));
                if (s.MaxItems is { } maxItems) edges.Add(new($"{maxItems + 1} items", "[" + string.Join(",", Enumerable.Repeat(Sample(s.Items), maxItems + 1)) + "]"));
                edges.Add(new("10001 items", "[" + string.Join(",", Enumerable.Repeat(Sample(s.Items), 10_001)) + "]"));
                if (s.Items is { Kind: not SchemaKind.Object } item)
                    edges.AddRange(ForJson(item).Select(e => e with { Label = $"[{e.Label}]", Raw = $"[{e.Raw}]" }));
                break;
            case SchemaKind.Any:
                // Free-form JSON (e.g. a GeoJSON boundary): a forbidden character inside is still the field's fault.
                edges.Add(new("{\"a\":NUL}", "{\"type\":\"Polygon\",\"a\":\"x\\u0000y\"}", EdgeKind.Forbidden));
                edges.Add(new("{NUL:1}", "{\"type\":\"Polygon\",\"\\u0000\":1}", EdgeKind.Forbidden));
                edges.Add(new("{\"a\":lone surrogate}", "{\"type\":\"Polygon\",\"a\":\"\\ud800\"}", EdgeKind.Forbidden));
                edges.Add(new("[NUL]", "[\"\\u0000\"]", EdgeKind.Forbidden));
                edges.AddRange(Strings(new Schema(SchemaKind.String)).Take(4).Select(v => new Edge(Trunc(v), JsonText.Of(v))));
                break;
        }
        foreach (var e in Forbidden()) if (s.Kind is not SchemaKind.Any) edges.Add(new(e.Label, JsonText.Of(e.Text), s.Kind == SchemaKind.String ? EdgeKind.Forbidden : EdgeKind.Hostile));
        foreach (var wrong in new[] { "{}", "[]", "true", "\"x\"", "1", "null" })
            if (!edges.Any(e => e.Raw == wrong)) edges.Add(new($"wrong type {wrong}", wrong));
        return edges;
    }

    /// <summary>Edges for a path segment or query value, percent-encoded as a client would send them.</summary>
    public static IReadOnlyList<Edge> ForUrl(Schema s)
    {
        var texts = s.Kind switch
        {
            SchemaKind.Integer or SchemaKind.Number => Numbers(s, s.Kind == SchemaKind.Integer).Concat(["abc", "0x10", "１", "00"]),
            SchemaKind.Boolean => ["true", "TRUE", "1", "yes"],
            _ => Strings(s).Where(v => v.Length <= 4000),
        };
        var edges = texts.Distinct().Select(t => new Edge(Trunc(t), Uri.EscapeDataString(t))).ToList();
        edges.Add(new("empty", ""));
        edges.Add(new("over-long", new string('9', 4000)));
        // A URL cannot carry a lone surrogate (it is UTF-8); bytes that are not UTF-8 — a CESU-8 surrogate, an overlong
        // NUL — are decoded as U+FFFD, so they are merely hostile.
        foreach (var e in Forbidden().Where(f => !f.Text.Any(char.IsSurrogate))) edges.Add(new(e.Label, Uri.EscapeDataString(e.Text), EdgeKind.Forbidden));
        edges.Add(new("UTF-8 of a surrogate", "%ED%A0%80"));
        edges.Add(new("overlong NUL", "%C0%80"));
        edges.Add(new("DEL", "%7F", EdgeKind.Forbidden));
        return edges;
    }

    /// <summary>A plausible value of the schema's type, for filling arrays and building bodies no test wrote.</summary>
    public static string Sample(Schema? s) => s?.Kind switch
    {
        SchemaKind.Integer or SchemaKind.Number => (s.Minimum ?? 1).ToString(CultureInfo.InvariantCulture),
        SchemaKind.Boolean => "true",
        SchemaKind.Array => "[]",
        SchemaKind.Object => "{" + string.Join(",", s.Properties.Select(p => $"{JsonText.Of(p.Key)}:{Sample(p.Value)}")) + "}",
        SchemaKind.String when s.Enum.Count > 0 => JsonText.Of(s.Enum[0]),
        SchemaKind.String => JsonText.Of(s.Format switch { "date" => "2026-04-02", "date-time" => "2026-04-02T10:00:00Z", "uuid" => Guid.Empty.ToString(), _ => "x" }),
        _ => "null",
    };

    private static IEnumerable<(string Label, string Text)> Forbidden() =>
    [
        ("NUL", "a\u0000b"), ("only NUL", "\u0000"), ("lone high surrogate", "x\uD800"), ("lone low surrogate", "\uDFFFx"),
        ("control U+0001", "a\u0001b"), ("escape sequence", "\u001B[31mred"),
    ];

    private static IEnumerable<string> Numbers(Schema s, bool integer)
    {
        if (s.Minimum is { } min) { yield return Text(min); yield return Text(min - (integer ? 1 : 0.001m)); }
        if (s.Maximum is { } max) { yield return Text(max); yield return Text(max + (integer ? 1 : 0.001m)); }
        yield return "0";
        yield return "-1";
        if (integer)
        {
            foreach (var n in new[] { "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "1e3", "1.5" }) yield return n;
        }
        else
        {
            foreach (var n in new[] { "0.0000000001", "1e3", "1e308", "1e400", "-1e400", "79228162514264337593543950336", "2147483648.5" }) yield return n;
        }
    }

    private static IEnumerable<string> Strings(Schema s)
    {
        if (s.MaxLength is { } maxLength) { yield return new string('x', maxLength); yield return new string('x', maxLength + 1); }
        if (s.MinLength is > 0 and var minLength) yield return new string('x', minLength - 1);
        foreach (var member in s.Enum) { yield return member; yield return member.ToUpperInvariant() + " "; }
        if (s.Enum.Count > 0) yield return "not-a-member";
        switch (s.Format)
        {
            case "date": foreach (var d in new[] { "2026-13-45", "2026-02-30", "0001-01-01", "9999-12-31", "-1", "2026-04-02T10:00:00" }) yield return d; break;
            case "date-time": foreach (var d in new[] { "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-13-45T00:00:00Z" }) yield return d; break;
            case "uuid": foreach (var u in new[] { Guid.Empty.ToString(), "not-a-uuid", "{" + Guid.Empty + "}" }) yield return u; break;
        }
        foreach (var v in new[] { "", "   ", "' OR 1=1 --", "\u202Eevil", "\uD83C\uDF3E", "e\u0301\u0301", "\t\r\n", new string('x', 10_000) }) yield return v;
    }

    private static string Text(decimal n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Trunc(string s)
    {
        var shown = string.Concat(s.Select(c => c < 0x20 || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return shown.Length <= 30 ? shown : $"{shown[..20]}… ({s.Length} chars)";
    }
}
