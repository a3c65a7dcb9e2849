using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AvaOlo.Data.Hosting;

/// <summary>The database is down or refusing: 503 with Retry-After, and the probe re-checks at once.</summary>
internal sealed class DatabaseUnavailableHandler(
    IProblemDetailsService problems, DatabaseProbe probe, DatabaseDataSources sources, ILogger<DatabaseUnavailableHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!DatabaseErrors.IsUnavailable(exception)) return false;
        log.LogWarning("Database unavailable while serving {Path}: {Reason}", http.Request.Path, DatabaseErrors.Describe(exception));
        DatabaseMetrics.RecordConnectionError();
        probe.Invalidate();
        if (DatabaseErrors.IsReadOnlyServer(exception)) sources.ForgetServers();
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new()
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = 503,
                Title = "Database unavailable",
                Detail = "The farm records database cannot be reached right now. Nothing was changed; retry in a few seconds.",
            },
        });
    }
}

public static class DatabaseOutageAnswers
{
    /// <summary>
    /// API errors caused by a database outage answer 503 problem details. Put first among the exception handlers
    /// (they run in registration order) so the catch-all 500 handler never sees an outage, whatever order the
    /// registrations are called in.
    /// </summary>
    public static IServiceCollection AddDatabaseOutageAnswers(this IServiceCollection services)
    {
        services.Insert(0, ServiceDescriptor.Singleton<IExceptionHandler, DatabaseUnavailableHandler>());
        return services;
    }
}
