using System.Text.Json.Nodes;

namespace AvaOlo.Security.Tests.OpenApi;

/// <summary>A generated request, the field it puts a value into (null for the baseline) and what that value should provoke.</summary>
public sealed record GeneratedProbe(Probe Probe, string? Field, EdgeKind Kind);

/// <summary>
/// Requests generated from a service's OpenAPI document: for every operation, every path and query parameter and
/// every property of the JSON body (nested objects in arrays included) gets each edge value of its own schema, one at
/// a time, while the rest of the request stays valid — so the value reaches as deep as a real client's would.
/// Valid bodies come from the hand-written corpus where it has one, else from the schema.
/// </summary>
public static class GeneratedCorpus
{
    private const string Marker = "__generated_edge_7f3a__";

    public static IEnumerable<GeneratedProbe> For(IReadOnlyList<Operation> operations, World w, IReadOnlyList<RouteSpec> handWritten)
    {
        foreach (var op in operations)
        {
            var name = op.ToString();
            var spec = handWritten.FirstOrDefault(r => r.Method == op.Method && r.Template == op.Template);
            var body = op.Body is null ? null : spec?.Body?.Invoke(w).ToJsonString() ?? SchemaEdges.Sample(op.Body);
            var ids = op.Parameters.Where(p => p.In == "path").ToDictionary(p => p.Name, p => BaselineId(op, p.Name, w));
            yield return new(new(name, "baseline", op.Method, Fill(op.Template, ids), body), null, EdgeKind.Hostile);

            foreach (var p in op.Parameters.Where(p => p.In is "path" or "query"))
            {
                foreach (var edge in SchemaEdges.ForUrl(p.Schema))
                {
                    var path = p.In == "path"
                        ? Fill(op.Template, new Dictionary<string, string>(ids) { [p.Name] = edge.Raw })
                        : $"{Fill(op.Template, ids)}?{Uri.EscapeDataString(p.Name)}={edge.Raw}";
                    yield return new(new(name, $"{p.In} {p.Name} = {edge.Label}", op.Method, path, body), p.Name, edge.Kind);
                }
            }

            if (op.Body is null || body is null) continue;
            foreach (var (field, segments, schema) in Properties(op.Body, JsonNode.Parse(body), []))
            {
                foreach (var edge in SchemaEdges.ForJson(schema))
                    yield return new(new(name, $"{field} = {edge.Label}", op.Method, Fill(op.Template, ids), With(body, segments, edge.Raw)), field, edge.Kind);
            }
        }
    }

    /// <summary>The world's own record for a GET or PUT; an id that does not exist for a DELETE, so the world survives.</summary>
    private static string BaselineId(Operation op, string parameter, World w)
    {
        if (op.Method == "DELETE") return "999999";
        var id = parameter switch
        {
            "id" => w.A.Id, "fieldId" => w.FieldA.Id, "plantingId" => w.PlantingA.Id, "taskId" => w.TaskA.Id, _ => 1,
        };
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (k, v) in values) template = template.Replace("{" + k + "}", v, StringComparison.Ordinal);
        return template;
    }

    /// <summary>Every property of the body schema the valid body can carry, with its path: "materials[0].dose".</summary>
    private static IEnumerable<(string Field, object[] Segments, Schema Schema)> Properties(Schema schema, JsonNode? valid, object[] at)
    {
        foreach (var (prop, s) in schema.Properties)
        {
            object[] here = [.. at, prop];
            yield return (Describe(here), here, s);
            var child = valid?[prop];
            if (s.Kind == SchemaKind.Object && child is JsonObject)
                foreach (var nested in Properties(s, child, here)) yield return nested;
            if (s is { Kind: SchemaKind.Array, Items.Kind: SchemaKind.Object } && child is JsonArray { Count: > 0 } items && items[0] is JsonObject)
                foreach (var nested in Properties(s.Items, items[0], [.. here, 0])) yield return nested;
        }
    }

    private static string Describe(object[] segments) =>
        string.Concat(segments.Select((s, i) => s is int n ? $"[{n}]" : i == 0 ? (string)s : "." + s));

    /// <summary>The valid body with the value at <paramref name="segments"/> replaced by raw JSON (escapes such as \ud800 kept as sent).</summary>
    private static string With(string validBody, object[] segments, string rawJson)
    {
        var root = JsonNode.Parse(validBody)!;
        var parent = root;
        foreach (var s in segments[..^1]) parent = s is int i ? parent[i]! : parent[(string)s]!;
        if (segments[^1] is int index) parent[index] = Marker;
        else parent[(string)segments[^1]] = Marker;
        return root.ToJsonString().Replace($"\"{Marker}\"", rawJson, StringComparison.Ordinal);
    }
}
