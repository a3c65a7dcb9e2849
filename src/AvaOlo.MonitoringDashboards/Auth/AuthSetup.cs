using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using AvaOlo.MonitoringDashboards.Monitoring;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

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
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/access-denied";
            // JSON endpoints answer 401/403; only pages redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        // Closed by default: a page without its own policy still needs a signed-in user.
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var (policy, roles) in Policies.Roles) authorization.AddPolicy(policy, p => p.RequireRole(roles));

        AddKeyRing(services);
        services.AddScoped<DashboardSignIn>();
        services.AddSingleton<LoginThrottle>();
        return services;
    }

    /// <summary>
    /// Cookies are encrypted with the data-protection key ring. Instances behind one load balancer must share it,
    /// or a cookie issued by one is rejected by the next: DATA_PROTECTION_KEYS_DIR points them at a shared folder.
    /// </summary>
    private static void AddKeyRing(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("ava-olo-monitoring-dashboards");
        // What PersistKeysToFileSystem does, once the folder is known from the bound options.
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<DashboardOptions>, ILoggerFactory>((keys, options, logs) =>
        {
            if (!string.IsNullOrWhiteSpace(options.Value.KeysDirectory))
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(options.Value.KeysDirectory), logs);
        });
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
