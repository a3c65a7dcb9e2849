using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace AvaOlo.MonitoringDashboards.Auth;

public static class AuthSetup
{
    public const string CookieName = "avaolo_auth";

    public static IServiceCollection AddDashboardAuth(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // TLS ends at the load balancer: set ASPNETCORE_FORWARDEDHEADERS_ENABLED there so the cookie is Secure.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Idle timeout; SessionEvents re-issues the cookie at each re-check, never past the 12 h absolute lifetime.
            o.ExpireTimeSpan = SessionPolicy.IdleTimeout;
            o.SlidingExpiration = false;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/access-denied";
            // JSON endpoints answer 401/403; only pages redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
            SessionEvents.Attach(o.Events);
        });

        // Closed by default: a page without its own policy still needs a signed-in user.
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var (policy, roles) in Policies.Roles) authorization.AddPolicy(policy, p => p.RequireRole(roles));

        services.AddDashboardKeyRing();
        services.AddScoped<DashboardSignIn>();
        services.AddSingleton<LoginThrottle>();
        return services;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Roles as the pages show them, e.g. "business or admin".</summary>
    public static string Describe(IEnumerable<string> roles) => string.Join(" or ", roles);
}
