using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using AvaOlo.ServiceDefaults.Telemetry;
using OpenTelemetry.Metrics;

namespace AvaOlo.ServiceDefaults;

public static class TelemetrySetup
{
    /// <summary>
    /// Metrics (OpenTelemetry → Prometheus /metrics; per-minute rollups → PostgreSQL and CloudWatch EMF) and
    /// logging (JSON lines by default outside Development; LOG_FORMAT=json|text overrides).
    /// </summary>
    public static WebApplicationBuilder AddAvaOloTelemetry(this WebApplicationBuilder builder, string service)
    {
        var options = TelemetryOptions.FromConfiguration(service, k => builder.Configuration[k]);
        var errors = options.Validate();
        builder.Services.AddOptions<TelemetrySettings>().Validate(_ => errors.Count == 0, string.Join("; ", errors)).ValidateOnStart();

        var json = options.LogFormat == "json" || (options.LogFormat is null or "" && !builder.Environment.IsDevelopment());
        if (json)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.FormatterName = JsonLogFormatter.Name)
                .AddConsoleFormatter<JsonLogFormatter, JsonLogFormatterOptions>(o =>
                {
                    o.Service = service;
                    o.Instance = options.InstanceId;
                    o.IncludeScopes = true;
                });
        }

        var s = builder.Services;
        s.AddSingleton(options);
        s.TryAddSingleton(TimeProvider.System);
        s.AddSingleton<MinuteAggregator>();
        s.AddSingleton<RollupStore>();
        s.AddSingleton<EmfWriter>();
        s.AddSingleton<TelemetryFlusher>();
        s.AddHostedService(sp => sp.GetRequiredService<TelemetryFlusher>());
        s.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(AvaOloMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime", "Npgsql")
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// Call first after Build(): counts every request (error pages included) and maps GET /metrics for Prometheus.
    /// /metrics carries route templates and counts only (no farmer data), is left out of the API documentation and,
    /// when PROMETHEUS_SCRAPE_TOKEN is set, needs "Authorization: Bearer &lt;token&gt;".
    /// </summary>
    public static WebApplication UseAvaOloTelemetry(this WebApplication app)
    {
        app.UseMiddleware<RequestMetricsMiddleware>();
        var token = app.Services.GetRequiredService<TelemetryOptions>().ScrapeToken;
        if (token is not null)
        {
            var scrape = new ScrapeToken(token);
            app.UseWhen(http => http.Request.Path.Equals("/metrics", StringComparison.OrdinalIgnoreCase), branch => branch.Use(async (http, next) =>
            {
                if (!scrape.Accepts(http.Request.Headers.Authorization))
                {
                    http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    http.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
                    return;
                }
                await next(http);
            }));
        }
        app.MapPrometheusScrapingEndpoint().AllowAnonymous().WithMetadata(new ExcludeFromDescriptionAttribute());
        return app;
    }
}

/// <summary>Carries no values: it exists so the telemetry settings are checked with the other start-up validations.</summary>
public sealed class TelemetrySettings;
