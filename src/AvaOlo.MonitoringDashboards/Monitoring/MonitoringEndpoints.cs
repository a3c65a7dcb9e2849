using AvaOlo.MonitoringDashboards.Auth;
using AvaOlo.ServiceDefaults;

namespace AvaOlo.MonitoringDashboards.Monitoring;

public static class MonitoringEndpoints
{
    /// <summary>
    /// GET /api/metrics?window=5m|1h|24h|7d&amp;service=… and GET /api/health: JSON for the pages' auto-refresh and
    /// for operators. Both need a signed-in user of any role (401 otherwise, never a redirect).
    /// </summary>
    public static IEndpointRouteBuilder MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.AnySignedIn);
        api.MapGet("/metrics", async (string? window, string? service, MetricsQuery query, CancellationToken ct) =>
        {
            var w = MetricsWindow.Parse(window);
            if (w is null)
                return Results.Problem(statusCode: 400, title: "Invalid window", detail: "window must be one of 5m, 1h, 24h, 7d");
            return Results.Json(await query.GetAsync(w, string.IsNullOrWhiteSpace(service) ? null : service.Trim(), ct));
        });
        api.MapGet("/health", async (HealthQuery health, CancellationToken ct) =>
        {
            var h = await health.CheckAsync(ct);
            return Results.Json(h, statusCode: h.Status == "unhealthy" ? 503 : 200);
        });
        return app;
    }

    public static IServiceCollection AddMonitoring(this IServiceCollection services)
    {
        services.AddHttpClient();
        services.AddSettings<DashboardOptions>(o => o.Validate());
        services.AddSettings<AlarmThresholds>(o => o.Validate());
        services.AddSettings<LanguageModelOptions>(o => o.Validate());
        services.AddSingleton<Pages.Admin.EffectiveConfiguration>();
        services.AddSingleton<MetricsQuery>();
        services.AddScoped<HealthQuery>();
        services.AddSingleton<AlarmEvaluator>();
        services.AddHostedService(sp => sp.GetRequiredService<AlarmEvaluator>());
        services.AddSingleton<ActivityRollup>();
        services.AddHostedService(sp => sp.GetRequiredService<ActivityRollup>());
        return services;
    }
}
