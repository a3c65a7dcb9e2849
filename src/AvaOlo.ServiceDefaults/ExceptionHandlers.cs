using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace AvaOlo.ServiceDefaults;

/// <summary>Malformed JSON, wrong types, unknown fields, oversize or missing bodies: 4xx naming the field.</summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad)
        {
            // The JSON reader throws InvalidOperationException for a charset it does not know (e.g. "ebcdic"): the client's mistake.
            if (!RequestErrors.HasUnknownCharset(http.Request.ContentType)) return false;
            bad = new BadHttpRequestException("Content-Type charset is not supported", StatusCodes.Status415UnsupportedMediaType, exception);
        }
        var (field, reason) = RequestErrors.Explain(bad);
        http.Response.StatusCode = bad.StatusCode;
        var details = new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode switch { 413 => "Request body too large", 415 => "Unsupported media type", _ => "Invalid request" },
            Detail = field is null ? reason : $"{field}: {reason}",
        };
        if (field is not null) details.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [reason] };
        return await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = details });
    }
}

/// <summary>Anything else is our bug: logged with its stack, answered with a 500 that carries no internals.</summary>
internal sealed class UnexpectedErrorHandler(IProblemDetailsService problems, ILogger<UnexpectedErrorHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested) return true; // client left
        log.LogError(exception, "Unhandled error serving {Method} {Path}", http.Request.Method, http.Request.Path);
        http.Response.StatusCode = 500;
        return await problems.TryWriteAsync(new()
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = 500, Title = "Internal error", Detail = "Something went wrong on our side; it has been logged." },
        });
    }
}
