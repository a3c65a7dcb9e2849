using Microsoft.Net.Http.Headers;

namespace AvaOlo.MonitoringDashboards.Pages;

/// <summary>Whether a page's error goes to a person (HTML) or to a program (RFC 9457 problem details as JSON).</summary>
public static class Negotiation
{
    private static readonly string[] Json = ["application/problem+json", "application/json"];
    private static readonly string[] Html = ["text/html", "application/xhtml+xml"];

    /// <summary>
    /// True when the Accept header names a JSON type with a higher quality than any HTML type. Wildcards count for
    /// neither, and a tie goes to HTML: browsers ask for text/html first, and a page should keep answering a person.
    /// </summary>
    public static bool WantsJson(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept) || !MediaTypeHeaderValue.TryParseList(accept.Split(','), out var types)) return false;
        double Best(string[] names) => types.Where(t => names.Any(n => t.MediaType.Equals(n, StringComparison.OrdinalIgnoreCase)))
            .Select(t => t.Quality ?? 1.0).DefaultIfEmpty(0).Max();
        var json = Best(Json);
        return json > 0 && json > Best(Html);
    }
}
