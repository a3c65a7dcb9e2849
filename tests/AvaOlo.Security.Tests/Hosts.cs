using System.Collections.Concurrent;
using AvaOlo.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AvaOlo.Security.Tests;

/// <summary>
/// One of the two services on real Kestrel (a free TCP port), production environment, over the test database,
/// with every log line it writes captured. Both services define a global Program, so each is named by another
/// public type of its assembly: <see cref="Core"/> and <see cref="Dashboards"/>.
/// </summary>
public sealed class ServiceHost<TEntry> : WebApplicationFactory<TEntry> where TEntry : class
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public ServiceHost(IReadOnlyDictionary<string, string> database, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        _settings = database.ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        _settings["AVAOLO_BACKGROUND_JOBS"] = "false";
        _settings["RATE_LIMIT_PER_FARMER_PER_MINUTE"] = "1000000"; // the corpus is not a rate-limit test
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>()) _settings[k] = v;
        UseKestrel(0);
        StartServer();
    }

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        if (_services is not null) builder.ConfigureServices(_services);
        builder.ConfigureLogging(l =>
        {
            l.AddProvider(Logs);
            l.AddFilter<CapturedLogs>(null, LogLevel.Debug);
        });
    }

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        return client;
    }
}

/// <summary>Entry-point stand-ins: any public type of the service's assembly.</summary>
public static class Entry
{
    public static Type Core => typeof(AvaOlo.AgriculturalCore.Auth.Caller);
    public static Type Dashboards => typeof(AvaOlo.MonitoringDashboards.Auth.DashboardSignIn);
}

/// <summary>Every log entry a service writes: message, structured values, scopes and exceptions, as text.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"{category} scope: {Describe(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {Describe(state)} | {exception}");

        private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> values
            ? string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"))
            : state?.ToString() ?? "";
    }
}
