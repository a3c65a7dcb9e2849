using System.Text.Json.Nodes;

namespace AvaOlo.Deploy.Tests;

/// <summary>Small queries over a template's JSON.</summary>
internal static class Cfn
{
    public static IEnumerable<(string Id, JsonObject Props)> Resources(this JsonObject template, string type) =>
        template["Resources"]!.AsObject()
            .Where(r => (string?)r.Value!["Type"] == type)
            .Select(r => (r.Key, r.Value!["Properties"] as JsonObject ?? []));

    public static string LogicalId(this JsonObject template, string type, string idStartsWith) =>
        template.Resources(type).Single(r => r.Id.StartsWith(idStartsWith, StringComparison.Ordinal)).Id;

    /// <summary>The Data stack resource a Services-stack Fn::ImportValue points at (via the export's Ref/GetAtt).</summary>
    public static string? ExportedResource(this JsonObject dataTemplate, JsonNode? importValue)
    {
        var exportName = (string?)importValue?["Fn::ImportValue"];
        if (exportName is null) return null;
        var output = dataTemplate["Outputs"]!.AsObject().Select(o => o.Value!)
            .SingleOrDefault(o => (string?)o["Export"]?["Name"] == exportName);
        return (string?)output?["Value"]?["Ref"] ?? (string?)output?["Value"]?["Fn::GetAtt"]?[0];
    }

    public static IEnumerable<JsonNode> Statements(this JsonObject policyProps) =>
        policyProps["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!);

    public static IEnumerable<string> Actions(this JsonNode statement) =>
        statement["Actions"] is null && statement["Action"] is JsonArray a ? a.Select(x => (string)x!) :
        statement["Action"] is JsonValue v ? new[] { (string)v! } : [];

    public static IEnumerable<JsonNode?> ResourcesOf(this JsonNode statement) =>
        statement["Resource"] is JsonArray arr ? arr.ToArray() : new[] { statement["Resource"] };

    /// <summary>Policies attached to the role with this logical id.</summary>
    public static IEnumerable<JsonObject> PoliciesOf(this JsonObject template, string roleId) =>
        template.Resources("AWS::IAM::Policy")
            .Where(p => p.Props["Roles"]!.AsArray().Any(r => (string?)r!["Ref"] == roleId))
            .Select(p => p.Props);
}
