using System.Text;
using Microsoft.AspNetCore.Http;

namespace AvaOlo.ServiceDefaults.Input;

/// <summary>The form half of <see cref="ForbiddenTextGuard"/>: keys, values and file names of a form posted to an endpoint.</summary>
internal static class FormFields
{
    public static async Task<(string Field, string Reason)?> FindAsync(HttpContext http)
    {
        // Only a form that reaches an endpoint is read (a 404 never parses a body).
        var request = http.Request;
        if (!request.HasFormContentType || http.GetEndpoint() is null) return null;
        var urlEncoded = request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        if (urlEncoded) request.EnableBuffering(); // kept so a refused form can be read again below; Kestrel caps it at 1 MB
        IFormCollection form;
        try { form = await request.ReadFormAsync(http.RequestAborted); }
        catch (InvalidDataException) when (urlEncoded)
        {
            // The framework's reader refuses a %00 without saying where ("The form value contains invalid characters"):
            // find the field in the raw pairs. Anything else it refused is left to the endpoint, which meets the same
            // cached failure it would have met without this guard.
            return await InRawPairsAsync(request, http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException) { return null; }
        foreach (var (key, values) in form)
        {
            if (ForbiddenText.Check(key, TextKind.Token) is { } inKey) return ("form", inKey);
            foreach (var v in values)
                if (ForbiddenText.Check(v, TextKind.Text) is { } inValue) return (key, inValue);
        }
        foreach (var file in form.Files)
            if (ForbiddenText.Check(file.FileName, TextKind.Token) is { } inName) return (file.Name, inName);
        return null;
    }

    private static async Task<(string Field, string Reason)?> InRawPairsAsync(HttpRequest request, CancellationToken ct)
    {
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        foreach (var pair in (await reader.ReadToEndAsync(ct)).Split('&'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(eq < 0 ? pair : pair[..eq]);
            if (ForbiddenText.Check(key, TextKind.Token) is { } inKey) return ("form", inKey);
            if (eq >= 0 && ForbiddenText.Check(Decode(pair[(eq + 1)..]), TextKind.Text) is { } inValue) return (key, inValue);
        }
        return null;
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
