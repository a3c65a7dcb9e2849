using AvaOlo.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AvaOlo.ApiClient.Tests;

/// <summary>The real core service on Kestrel (a real TCP port) over the test database, without a model.</summary>
public sealed class CoreServer : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public CoreServer(TestDatabase db)
    {
        _settings = db.Environment().ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        // Timed telemetry flushes would race the per-test database reset.
        _settings["AVAOLO_BACKGROUND_JOBS"] = "false";
        UseKestrel(0);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
    }

    /// <summary>Where the service listens, without a trailing slash (Kiota joins it with paths that start with one).</summary>
    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
}
