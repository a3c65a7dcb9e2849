using AvaOlo.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AvaOlo.AgriculturalCore.Tests;

/// <summary>The real service on Kestrel (a real TCP port), over the test database.</summary>
public sealed class CoreFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public CoreFactory(TestDatabase db, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = db.Environment().ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        // Timed telemetry flushes would race the per-test Respawn reset; tests that need a flush ask for one.
        settings["AVAOLO_BACKGROUND_JOBS"] = "false";
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>()) settings[k] = v;
        _settings = settings;
        UseKestrel(0);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
    }

    /// <summary>The Kestrel address the service really listens on.</summary>
    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public HttpClient Client(string? apiKey = null)
    {
        // A plain HttpClient over TCP: exactly what a real client sees, redirects included.
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        if (apiKey is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        return client;
    }
}
