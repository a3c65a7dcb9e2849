using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AvaOlo.Security.Tests;

/// <summary>One hostile request: what was sent (for the report) and how.</summary>
public sealed record Probe(string Route, string Mutation, string Method, string Path, string? Body = null, string? ContentType = "application/json",
    byte[]? RawBody = null)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(Path, UriKind.Relative));
        if (RawBody is not null || Body is not null)
        {
            var content = new ByteArrayContent(RawBody ?? Encoding.UTF8.GetBytes(Body!));
            if (ContentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            request.Content = content;
            // A big body waits for the server's go-ahead, so a refusal (413) arrives instead of a broken pipe.
            if (content.Headers.ContentLength > 64 * 1024) request.Headers.ExpectContinue = true;
        }
        return request;
    }
}

/// <summary>What came back, kept small enough to report.</summary>
public sealed record Answer(int Status, string? MediaType, string Body, HttpResponseMessage Response)
{
    public static async Task<Answer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        HttpResponseMessage response;
        try { response = await client.SendAsync(request); }
        catch (HttpRequestException e) { return new Answer(599, null, $"connection failed: {e.Message} {e.InnerException?.Message}", new HttpResponseMessage((System.Net.HttpStatusCode)599)); }
        var body = await response.Content.ReadAsStringAsync();
        return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response);
    }

    /// <summary>Null when the answer is acceptable: no 5xx, and (when required) every 4xx is RFC 9457 problem details.</summary>
    public string? Problem(bool problemDetailsRequired)
    {
        if (Status >= 500) return "server error";
        if (Status < 400 || !problemDetailsRequired) return null;
        // Kestrel itself refuses a NUL in the path (400, no body) before any middleware can run.
        if (Status == 400 && MediaType is null && Body.Length == 0 && Response.RequestMessage?.RequestUri?.OriginalString.Contains("%00", StringComparison.Ordinal) == true) return null;
        if (MediaType != "application/problem+json") return $"4xx with content type {MediaType ?? "(none)"}";
        try
        {
            using var doc = JsonDocument.Parse(Body);
            if (!doc.RootElement.TryGetProperty("status", out var s) || s.GetInt32() != Status) return "problem body without the matching status";
        }
        catch (JsonException) { return "problem body is not JSON"; }
        if (Body.Contains("   at ", StringComparison.Ordinal)) return "stack trace in body";
        return null;
    }

    public string Short => Body.Length <= 200 ? Body : Body[..200];
}

public static class Report
{
    /// <summary>Fails with one line per bad case: route, mutation, status, the start of the body.</summary>
    public static void NoFailures(IReadOnlyCollection<string> failures, int total, string what)
    {
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {total} {what} failed:\n" + string.Join("\n", failures.Take(60)) + (failures.Count > 60 ? $"\n… and {failures.Count - 60} more" : ""));
    }

    public static string Line(Probe p, Answer a, string why) => $"{p.Method} {p.Route} [{p.Mutation}] → {a.Status} ({why}): {a.Short.ReplaceLineEndings(" ")}";

    public static MediaTypeHeaderValue Json => new("application/json");
}
