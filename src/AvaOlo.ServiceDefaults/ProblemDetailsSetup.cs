using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using AvaOlo.ServiceDefaults.Input;

namespace AvaOlo.ServiceDefaults;

public static class ProblemDetailsSetup
{
    /// <summary>RFC 9457 problem details for every error, snake_case JSON, and strict request bodies.</summary>
    public static IServiceCollection AddAvaOloApiDefaults(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["trace_id"] = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddExceptionHandler<UnexpectedErrorHandler>();
        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        // Bad bodies throw so BadRequestHandler can name the field instead of a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        json.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        // An unknown property in a body is refused: it stops mass assignment ("farmer_id" in an update)
        // and typos that would otherwise be silently ignored.
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        json.MaxDepth = 32;
        // NUL, lone surrogates and control characters in any string of any body: a 400 naming the field (Input/).
        json.Converters.Add(new CheckedStringConverter());
        json.Converters.Add(new CheckedJsonElementConverter());
    }

    /// <summary>
    /// Security headers, then problem details for exceptions and for bodiless error statuses, on every API response;
    /// then forbidden characters in the URL or a form are refused before anything else reads them.
    /// </summary>
    public static WebApplication UseAvaOloErrorHandling(this WebApplication app)
    {
        app.UseAvaOloSecurityHeaders(SecurityHeaders.ApiContentSecurityPolicy);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseForbiddenTextGuard();
        return app;
    }
}
