using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace AvaOlo.AgriculturalCore.Docs;

/// <summary>The generated OpenAPI document at /openapi/v1.json and the interactive Scalar reference at /.</summary>
public static class ApiDocs
{
    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info = new OpenApiInfo
            {
                Title = "AVA OLO agricultural core",
                Version = ServiceDefaults.AppInfo.Version,
                Description = "Farm records and the farmer assistant. Authenticate with `Authorization: Bearer <api key>`. " +
                    "Every error is RFC 9457 problem details (`application/problem+json`); validation errors list each field under `errors`.",
            };
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "ava_<prefix>_<secret>",
                Description = "An API key from `avaolo create-api-key`.",
            };
            doc.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", doc)] = [] }];
            return Task.CompletedTask;
        }));

    public static void MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous().CacheOutput(p => p.Expire(TimeSpan.FromMinutes(10)));
        app.MapScalarApiReference("/docs", o => o.WithTitle("AVA OLO API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapGet("/", () => Results.Redirect("/docs/v1")).ExcludeFromDescription().AllowAnonymous();
    }
}
