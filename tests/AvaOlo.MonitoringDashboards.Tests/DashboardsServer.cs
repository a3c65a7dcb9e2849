using AvaOlo.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AvaOlo.MonitoringDashboards.Tests;

/// <summary>
/// The dashboards service on real Kestrel (random port) over this run's test database. One per test run:
/// tests isolate themselves by resetting the database and using their own cookie jar.
/// </summary>
public sealed class DashboardsServer : IAsyncLifetime
{
    private Factory? _factory;

    public TestDatabase Database { get; } = new();
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _factory = new Factory(Database);
        BaseAddress = StartOnKestrel(_factory);
    }

    public Browser NewBrowser() => Browser.Open(BaseAddress);

    /// <summary>Another instance of the service over the same database, as a second instance behind the load balancer.</summary>
    public WebApplicationFactory<Program> StartAnotherInstance(out Uri address, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new Factory(Database, settings);
        address = StartOnKestrel(factory);
        return factory;
    }

    /// <summary>Starts the app on real Kestrel at a free port and returns the address it listens on.</summary>
    public static Uri StartOnKestrel<TEntry>(WebApplicationFactory<TEntry> factory) where TEntry : class
    {
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return new Uri(addresses.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class Factory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(
                database.Environment().Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value))
                    .Append(new("AVAOLO_BACKGROUND_JOBS", "false")) // tests flush and evaluate on demand; no writer races Respawn
                    .Concat(settings ?? new Dictionary<string, string?>())));
    }
}

// xunit v2 honours collection definitions only in the test assembly; the server owns the TestDatabase.
[CollectionDefinition("database")]
public sealed class DatabaseCollection : ICollectionFixture<DashboardsServer>;
