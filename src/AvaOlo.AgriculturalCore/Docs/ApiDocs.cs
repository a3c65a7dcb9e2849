using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace AvaOlo.AgriculturalCore.Docs;

/// <summary>The generated OpenAPI document at /openapi/v1.json and the interactive Scalar reference at /.</summary>
public static class ApiDocs
{
    /// <summary>What each tag (feature) is, for readers of the document and for generated clients.</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Health"] = "Liveness and readiness of one instance, for load balancers and operators. No key needed.",
        ["Farmers"] = "Farmers: identity, contact data, country and preferred language. Soft delete revokes their keys.",
        ["Fields"] = "A farmer's fields with their areas in hectares, centroids and boundaries.",
        ["Crops"] = "What is planted on which field, per season (plantings), and the farmer's crops of a season.",
        ["Tasks"] = "Work planned or done on the farmer's fields (sowing, spraying, harvest…) with the materials used.",
        ["Materials"] = "The input catalogue (plant protection products, fertilisers) with per-country rules such as pre-harvest intervals.",
        ["Assistant"] = "The farmer assistant: questions in any language, answered from the farmer's records by the model or by rules.",
        ["Self-tests"] = "Checks of the assistant on the demo farmers, for operators (admin key).",
        ["Data rights"] = "A farmer's GDPR rights: export of everything we hold, and erasure after a grace period.",
        ["WhatsApp"] = "Webhooks of the WhatsApp Cloud API (Meta) and Twilio: signed by the provider, no key. Messages are answered exactly once.",
    };

    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddSchemaTransformer((schema, context, _) =>
        {
            // Strings are read by our own converter (it refuses forbidden characters), and the generator describes a
            // type with a custom converter as "anything": say again that it is a string.
            if (schema.Type is null && context.JsonTypeInfo.Type == typeof(string))
                schema.Type = context.JsonPropertyInfo is { IsGetNullable: true } ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            else if (schema.Type is { } t && t.HasFlag(JsonSchemaType.Array) && context.JsonTypeInfo.ElementType == typeof(string) && schema.Items is null or OpenApiSchema { Type: null })
                schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
            return Task.CompletedTask;
        }).AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info = new OpenApiInfo
            {
                Title = "AVA OLO agricultural core",
                Version = ServiceDefaults.AppInfo.Version,
                Description = "Farm records and the farmer assistant. Authenticate with `Authorization: Bearer <api key>`. " +
                    "Every error is RFC 9457 problem details (`application/problem+json`); validation errors list each field under `errors`.",
                Contact = new OpenApiContact { Name = "AVA OLO operators" },
                License = new OpenApiLicense { Name = "Proprietary" },
            };
            // The generator writes the request's base address with a trailing slash; clients join paths that start with
            // one, so "http://host/" would give "http://host//api/…" (and Redocly's recommended rules refuse it).
            foreach (var server in doc.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
            foreach (var tag in doc.Tags ?? new HashSet<OpenApiTag>())
                if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description)) tag.Description = description;
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
