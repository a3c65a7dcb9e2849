using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace AvaOlo.ServiceDefaults.Input;

/// <summary>A 400 problem details naming one field and why, in the shape every validation error of the API has.</summary>
public static class InvalidRequest
{
    public static ProblemDetails Problem(string field, string reason) => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Invalid request",
        Detail = $"{field}: {reason}",
    };

    public static async Task WriteAsync(HttpContext http, string field, string reason)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problem = Problem(field, reason);
        if (!await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new() { HttpContext = http, ProblemDetails = problem }))
            await http.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
    }
}
