using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using AvaOlo.ServiceDefaults.Telemetry;
using OpenTelemetry.Metrics;

namespace AvaOlo.ServiceDefaults;

public static class TelemetrySetup
{
    /// <summary>
    /// OpenTelemetry, the one source of metrics, read twice: Prometheus (/metrics, cumulative) sees every instrument, and
    /// the minute pipeline (delta) only the rolled-up ones, whose minutes become the CloudWatch EMF lines and the
    /// PostgreSQL rollups; and logging (JSON lines by default outside Development;
    /// LOG_FORMAT=json|text overrides).
    /// </summary>
    public static WebApplicationBuilder AddAvaOloTelemetry(this WebApplicationBuilder builder, string service)
    {
        if (TelemetryOptions.JsonLogs(builder.Configuration["LOG_FORMAT"], builder.Environment.IsDevelopment()))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.FormatterName = JsonLogFormatter.Name)
                .AddConsoleFormatter<JsonLogFormatter, JsonLogFormatterOptions>(o =>
                {
                    o.Service = service;
                    o.Instance = TelemetryOptions.InstanceIdOrDefault(builder.Configuration["INSTANCE_ID"]);
                    o.IncludeScopes = true;
                });
        }

        var s = builder.Services;
        s.AddSettings<TelemetryOptions>(o => o.Validate()).PostConfigure(o => o.Service = service);
        s.AddSingleton(sp => sp.GetRequiredService<IOptions<TelemetryOptions>>().Value);
        s.TryAddSingleton(TimeProvider.System);
        s.AddSingleton<MinuteExporter>();
        s.AddSingleton(sp => new MinutePipeline(sp.GetRequiredService<MinuteExporter>(), sp.GetServices<RolledUpMetric>()));
        s.AddSingleton<EmfWriter>();
        s.AddSingleton<TelemetryFlusher>();
        s.AddHostedService(sp => sp.GetRequiredService<TelemetryFlusher>());
        s.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(RolledUpMetric.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime", "Npgsql")
            .AddPrometheusExporter());
        // Bounded streams, and Prometheus sees the rolled-up histograms in the same buckets as the rollups.
        s.ConfigureOpenTelemetryMeterProvider((sp, m) => m.AddView(MetricViews.All(sp.GetServices<RolledUpMetric>())));
        s.AddRolledUpMetrics(HttpMetrics.Requests, HttpMetrics.ActiveRequestsPeak, ProcessMetrics.Cpu, ProcessMetrics.Memory, ProcessMetrics.Disk);
        s.AddRolledUpMetrics(ChannelMetrics.All); // recorded by the core, read by the dashboards: one declaration for both
        return builder;
    }

    /// <summary>
    /// Declares metrics to the pipelines: each goes to the minute exporter (rollups and EMF) and, being a histogram,
    /// gets the fixed <see cref="LatencyBuckets"/> boundaries (in its own unit) in both pipelines (<see cref="MetricViews"/>),
    /// so minutes and instances merge by adding counts.
    /// </summary>
    public static IServiceCollection AddRolledUpMetrics(this IServiceCollection services, params RolledUpMetric[] metrics)
    {
        foreach (var metric in metrics) services.AddSingleton(metric);
        return services;
    }

    /// <summary>
    /// Call first after Build(): counts requests in flight and maps GET /metrics for Prometheus. /metrics carries
    /// route templates and counts only (no farmer data), is left out of the API documentation and, when
    /// PROMETHEUS_SCRAPE_TOKEN is set, needs "Authorization: Bearer &lt;token&gt;".
    /// </summary>
    public static WebApplication UseAvaOloTelemetry(this WebApplication app)
    {
        app.Use(RequestsInFlight.CountAsync);
        // The token is read per scrape, not here: options are validated when the host starts (HostRunner reports a bad one).
        app.UseWhen(http => http.Request.Path.Equals("/metrics", StringComparison.OrdinalIgnoreCase), branch => branch.Use(async (http, next) =>
        {
            var token = http.RequestServices.GetRequiredService<TelemetryOptions>().ScrapeToken;
            if (token is not null && !new ScrapeToken(token).Accepts(http.Request.Headers.Authorization))
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
                return;
            }
            await next(http);
        }));
        app.MapPrometheusScrapingEndpoint().AllowAnonymous().WithMetadata(new ExcludeFromDescriptionAttribute());
        return app;
    }
}
