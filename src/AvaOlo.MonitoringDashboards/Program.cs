using AvaOlo.Data.Hosting;
using AvaOlo.MonitoringDashboards.Auth;
using AvaOlo.MonitoringDashboards.Channel;
using AvaOlo.MonitoringDashboards.Hosting;
using AvaOlo.MonitoringDashboards.Monitoring;
using AvaOlo.ServiceDefaults;
using AvaOlo.ServiceDefaults.Input;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;

const string Service = "ava-olo-monitoring-dashboards";
var builder = WebApplication.CreateBuilder(args);

builder.UseAvaOloHosting();                                 // PORT (default 8080) unless URLs are configured
builder.AddAvaOloTelemetry(Service);                        // /metrics, per-minute rollups, EMF, JSON logs
builder.Services.AddAvaOloDatabase();                       // DB_* validated at start; nothing connects yet
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddDashboardAuth();                        // cookie sign-in, sessions re-checked, key ring in PostgreSQL
builder.Services.AddRazorPages();
builder.Services.AddProblemDetails();                       // /api errors as RFC 9457
builder.Services.AddMonitoring();                           // /api/metrics, /api/health, alarms, daily activity rollup
builder.Services.AddChannelMedia();                         // WhatsApp media for the workbench, with the providers' credentials
builder.Services.Configure<JsonOptions>(o => ProblemDetailsSetup.ConfigureJson(o.SerializerOptions)); // /health as in core
builder.Services.LoadKeyRingOnFirstUse();                  // last: no database connection before the host listens

var app = builder.Build();
app.UseAvaOloTelemetry();

app.UseSecurityHeaders();                                   // on every response, errors included
if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error");
// /api answers errors as problem details (pages keep their HTML): 401, 403, 404, 405 and the rest.
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseForbiddenTextGuard();                                // NUL or control characters in a URL or form: 400 naming the field
app.UseAllowedMethods();
app.UseAuthentication();
app.UseAuthorization();

app.MapStaticAssets().AllowAnonymous();                     // the login page needs its stylesheet
app.MapRazorPages().WithStaticAssets();                     // /, /login, /logout, /business, /agronomic, /admin
app.MapAvaOloHealth(Service);
app.MapMonitoringApi();
app.MapChannelMedia();                                      // /agronomic/media/{id}: a voice note or photo, streamed from the provider

return await HostRunner.RunAsync(app, Service);

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
