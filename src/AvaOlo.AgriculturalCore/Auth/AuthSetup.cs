using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Authentication;

namespace AvaOlo.AgriculturalCore.Auth;

public static class AuthSetup
{
    public static IServiceCollection AddApiKeyAuth(this IServiceCollection services)
    {
        services.AddMemoryCache(o => o.SizeLimit = 100_000);
        services.AddSingleton<ApiKeyStore>();
        services.AddHostedService<ApiKeyListener>(); // revocations from any instance, within about a second
        services.AddSingleton<ApiKeyUsage>();
        services.AddHostedService<ApiKeyUsageFlusher>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiScopes.RecordsRead, RequireScope(ApiScopes.RecordsRead))
            .AddPolicy(ApiScopes.RecordsWrite, RequireScope(ApiScopes.RecordsWrite))
            .AddPolicy(ApiScopes.Query, RequireScope(ApiScopes.Query))
            .AddPolicy(ApiScopes.Admin, RequireScope(ApiScopes.Admin))
            // Creating or listing all farmers is for integration and admin keys, never for one farmer's key.
            .AddPolicy(Policies.ManageFarmers, p => p.RequireAuthenticatedUser().RequireAssertion(ctx =>
                Caller.TryFrom(ctx.User) is { FarmerId: null } caller && caller.Has(ApiScopes.RecordsWrite)));
        return services;
    }

    private static Action<Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder> RequireScope(string scope) =>
        p => p.RequireAuthenticatedUser().RequireAssertion(ctx => Caller.TryFrom(ctx.User)?.Has(scope) == true);
}

public static class Policies
{
    public const string ManageFarmers = "manage-farmers";
}
