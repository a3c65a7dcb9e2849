using AvaOlo.Testing;

namespace AvaOlo.MonitoringDashboards.Tests;

/// <summary>
/// The dashboards service on real Kestrel (random port) over this run's test database. One per test run:
/// tests isolate themselves by resetting the database and using their own cookie jar.
/// </summary>
public sealed class DashboardsServer : IAsyncLifetime
{
    private ServiceHost<Program>? _host;

    public TestDatabase Database { get; } = new();
    public Uri BaseAddress => _host!.BaseAddress;
    public IServiceProvider Services => _host!.Services;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _host = StartInstance();
    }

    public Browser NewBrowser() => Browser.Open(BaseAddress);

    /// <summary>Another instance of the service over the same database, as a second instance behind the load balancer.</summary>
    public ServiceHost<Program> StartAnotherInstance(IReadOnlyDictionary<string, string?>? settings = null) => StartInstance(settings);

    // Development: no shutdown drain (each test's extra instance stops at once) and the framework's own error page.
    private ServiceHost<Program> StartInstance(IReadOnlyDictionary<string, string?>? settings = null) =>
        new(Database.Environment(), settings, environment: "Development");

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await Database.DisposeAsync();
    }
}

// xunit v2 honours collection definitions only in the test assembly; the server owns the TestDatabase.
[CollectionDefinition("database")]
public sealed class DatabaseCollection : ICollectionFixture<DashboardsServer>;
