using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AvaOlo.Testing;

/// <summary>
/// The one test host: either service on real Kestrel (a free TCP port, so clients see exactly what a real client
/// sees), configured only through the settings an operator would set, with every log line it writes captured.
/// Both services define a global Program; a test project that references both names one by an extern alias or by
/// another public type of its assembly.
/// </summary>
public sealed class ServiceHost<TEntry> : WebApplicationFactory<TEntry> where TEntry : class
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _environment;

    /// <param name="settings">The environment the service starts with: usually <see cref="TestDatabase.Environment"/>.</param>
    /// <param name="overrides">Settings on top (null values remove a setting from view, as an unset variable).</param>
    /// <param name="services">Registrations that replace the service's own (a fake clock, a captured EMF writer).</param>
    /// <param name="environment">Production unless a test needs the framework's development behaviour.</param>
    public ServiceHost(IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? services = null, string environment = "Production")
    {
        _settings = settings.ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        // Timed background work (telemetry flushes, retention, workers) would race the per-test Respawn reset;
        // tests that need a job run it on demand, or turn the jobs back on with an override.
        _settings["AVAOLO_BACKGROUND_JOBS"] = "false";
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>()) _settings[k] = v;
        _services = services;
        _environment = environment;
        UseKestrel(0);
        StartServer();
    }

    /// <summary>Over this run's test database, as the services' DML-only role.</summary>
    public ServiceHost(TestDatabase database, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
        : this(database.Environment(), overrides, services)
    {
    }

    public CapturedLogs Logs { get; } = new();

    /// <summary>The Kestrel address the service really listens on.</summary>
    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A plain HttpClient over TCP that neither follows redirects nor keeps cookies, with the key as bearer token.</summary>
    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        if (_services is not null) builder.ConfigureServices(_services);
        builder.ConfigureLogging(l =>
        {
            l.AddProvider(Logs);
            l.AddFilter<CapturedLogs>(null, LogLevel.Debug);
        });
    }
}
