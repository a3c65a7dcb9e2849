using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace AvaOlo.ServiceDefaults;

/// <summary>Turns framework binding failures into "which field, and why" that a client can act on.</summary>
public static partial class RequestErrors
{
    public static (string? Field, string Reason) Explain(BadHttpRequestException e)
    {
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge) return (null, "the request body is larger than this endpoint accepts");
        if (e.StatusCode == StatusCodes.Status415UnsupportedMediaType) return ("content-type", "send the body as application/json in UTF-8");
        if (e.InnerException is JsonException json) return ExplainJson(json);
        if (e.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("body was empty", StringComparison.OrdinalIgnoreCase))
            return ("body", "a JSON request body is required");
        if (e.Message.Contains("Content-Type", StringComparison.OrdinalIgnoreCase))
            return ("content-type", "send the body as application/json");
        var param = ParameterName().Match(e.Message);
        return param.Success ? (ToSnake(param.Groups[1].Value), "has an invalid value") : (null, "the request could not be read");
    }

    /// <summary>True when the Content-Type names a charset .NET cannot decode.</summary>
    public static bool HasUnknownCharset(string? contentType)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media) || media.Charset.Length == 0) return false;
        try { _ = System.Text.Encoding.GetEncoding(media.Charset.Value!.Trim('"')); return false; }
        catch (ArgumentException) { return true; }
    }

    public static (string? Field, string Reason) ExplainJson(JsonException json)
    {
        if (json is Input.ForbiddenTextException forbidden) return (FieldOf(json.Path) ?? "body", forbidden.Reason);
        var unmapped = UnmappedProperty().Match(json.Message);
        if (unmapped.Success)
        {
            // The path usually ends at the unknown property already; join only when it names the parent object.
            var name = unmapped.Groups[1].Value;
            var path = FieldOf(json.Path);
            return (path is null ? name : path == name || path.EndsWith("." + name, StringComparison.Ordinal) ? path : $"{path}.{name}", "is not a known field");
        }
        var field = FieldOf(json.Path);
        var target = TargetType().Match(json.Message);
        if (target.Success) return (field ?? "body", $"must be {Describe(target.Groups[1].Value)}");
        if (json.Message.Contains("maximum configured depth", StringComparison.Ordinal)) return (field ?? "body", "is nested too deeply");
        if (json.Message.Contains("missing required properties", StringComparison.OrdinalIgnoreCase))
        {
            var missing = MissingProperties().Match(json.Message);
            return (missing.Success ? missing.Groups[1].Value.Split(',')[0].Trim().Trim('\'') : field ?? "body", "is required");
        }
        return (field ?? "body", "is not valid JSON");
    }

    private static string? FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.TrimStart('$', '.');

    private static string Describe(string clrType) => clrType switch
    {
        "System.Int32" or "System.Int64" or "System.Int16" => "a whole number",
        "System.Decimal" or "System.Double" or "System.Single" => "a number",
        "System.String" => "a string",
        "System.Boolean" => "true or false",
        "System.DateOnly" => "a date in the form YYYY-MM-DD",
        "System.DateTimeOffset" or "System.DateTime" => "a date and time in ISO 8601 form",
        _ when clrType.Contains("[]", StringComparison.Ordinal) || clrType.Contains("List", StringComparison.Ordinal) => "an array",
        _ when clrType.StartsWith("System.Nullable`1[[", StringComparison.Ordinal) => Describe(clrType[19..clrType.IndexOf(',', StringComparison.Ordinal)]),
        _ => "an object of the documented shape",
    };

    private static string ToSnake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("could not be converted to (.+?)\\. Path:")]
    private static partial Regex TargetType();

    [GeneratedRegex("missing required properties including: (.+?)\\.", RegexOptions.IgnoreCase)]
    private static partial Regex MissingProperties();

    [GeneratedRegex("parameter \"[^\"]* (\\w+)\" from")]
    private static partial Regex ParameterName();
}
