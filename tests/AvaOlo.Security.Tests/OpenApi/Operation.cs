using System.Text.Json;

namespace AvaOlo.Security.Tests.OpenApi;

public sealed record Parameter(string Name, string In, Schema Schema);

/// <summary>One operation of a service's OpenAPI document: its route, parameters and JSON request body.</summary>
public sealed record Operation(string Method, string Template, IReadOnlyList<Parameter> Parameters, Schema? Body)
{
    public override string ToString() => $"{Method} {Template}";

    /// <summary>Every operation in the document, in document order.</summary>
    public static IReadOnlyList<Operation> ReadAll(JsonElement document)
    {
        var components = document.TryGetProperty("components", out var c) ? c : default;
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                if (op.Name is "parameters" or "summary" or "description" or "servers") continue;
                var parameters = op.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => new Parameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var s) ? Schema.Read(s, components) : new Schema(SchemaKind.String))).ToList()
                    : [];
                Schema? body = null;
                if (op.Value.TryGetProperty("requestBody", out var rb) && rb.TryGetProperty("content", out var content)
                    && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var bodySchema))
                    body = Schema.Read(bodySchema, components);
                operations.Add(new(op.Name.ToUpperInvariant(), path.Name, parameters, body));
            }
        }
        return operations;
    }
}
