using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AvaOlo.ServiceDefaults;

public static class Hosting
{
    /// <summary>Request body limit for API calls: generous for a field boundary, small enough to refuse abuse.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// Listens on PORT (default 8080) on all interfaces, as App Runner and ECS expect, unless URLs were configured
    /// explicitly (ASPNETCORE_URLS, --urls, or a test host). Bounds request sizes and header sizes.
    /// </summary>
    public static WebApplicationBuilder UseAvaOloHosting(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            var port = int.TryParse(builder.Configuration["PORT"], out var p) && p is > 0 and < 65536 ? p : 8080;
            builder.WebHost.UseUrls($"http://0.0.0.0:{port}");
        }
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.AddServerHeader = false;
        });
        // Give in-flight requests time to finish on SIGTERM (deploys); App Runner and ECS wait 30 s.
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));
        return builder;
    }
}
