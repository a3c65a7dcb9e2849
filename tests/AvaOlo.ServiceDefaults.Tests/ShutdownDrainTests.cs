using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AvaOlo.ServiceDefaults.Tests;

public sealed class ShutdownDrainOptionsTests
{
    [Theory]
    [InlineData(null, false, 5)]
    [InlineData(null, true, 0)]
    [InlineData("", false, 5)]
    [InlineData("0", false, 0)]
    [InlineData(" 3 ", false, 3)]
    [InlineData("12", true, 12)]
    [InlineData("15", false, 15)]
    [InlineData("16", false, null)]
    [InlineData("-1", false, null)]
    [InlineData("2.5", false, null)]
    [InlineData("five", false, null)]
    public void Drain_defaults_to_5_s_and_0_in_Development_and_stays_within_15_s(string? raw, bool development, int? seconds)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = development ? Environments.Development : Environments.Production });
        builder.Configuration.AddInMemoryCollection([new("SHUTDOWN_DRAIN_SECONDS", raw)]);
        builder.UseAvaOloHosting();
        using var services = builder.Services.BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<ShutdownDrainOptions>>();
        if (seconds is not null)
        {
            Assert.Equal(TimeSpan.FromSeconds(seconds.Value), options.Value.Period);
            return;
        }
        var failure = Assert.Single(Assert.Throws<OptionsValidationException>(() => options.Value).Failures);
        Assert.StartsWith("SHUTDOWN_DRAIN_SECONDS must be a whole number", failure, StringComparison.Ordinal);
    }
}

/// <summary>The drain on real Kestrel, its length driven by a fake clock so nothing depends on the machine's speed.</summary>
public sealed class ShutdownDrainTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly TaskCompletionSource _slowEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _slowRelease = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task After_StopApplication_the_listener_stays_open_refusing_new_requests_until_the_drain_ends_and_in_flight_ones_finish()
    {
        await using var app = Build("3");
        // Run as the services do: RunAsync stops the host when ApplicationStopping fires, from the host's own
        // callback, which may run before the drain's and on another thread.
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(started.SetResult);
        var stopping = app.RunAsync();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var inFlightClient = new HttpClient { BaseAddress = Address(app) };
        var inFlight = inFlightClient.GetAsync("/slow");
        await _slowEntered.Task;

        lifetime.StopApplication(); // what SIGTERM does

        foreach (var path in new[] { "/health", "/records", "/health" })
        {
            using var response = await NewConnection(app).GetAsync(path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(response.Headers.ConnectionClose);
            Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("Shutting down", 503), (problem.GetProperty("title").GetString(), problem.GetProperty("status").GetInt32()));
            Assert.Contains("shutting down", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        using (var post = await NewConnection(app).PostAsJsonAsync("/records", new { name = "read before refusing" }))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.False(stopping.IsCompleted, "the host stopped before its drain ended");

        _clock.Advance(TimeSpan.FromSeconds(3)); // the drain ends: Kestrel closes its listener, in-flight requests go on
        await WaitForListenerClosedAsync(app);
        Assert.False(inFlight.IsCompleted);
        _slowRelease.SetResult();
        using var answer = await inFlight;
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("done", await answer.Content.ReadAsStringAsync());
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task The_drain_holds_the_stop_even_when_the_host_stops_before_the_drain_hears_of_ApplicationStopping()
    {
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var drain = new ShutdownDrain(Options.Create(new ShutdownDrainOptions { Seconds = 3 }), lifetime, _clock, NullLogger<ShutdownDrain>.Instance);
        await drain.StartingAsync(CancellationToken.None);
        // Registered after the drain's callback, so it runs first: what RunAsync's own callback does, starting the stop.
        Task? stopping = null;
        lifetime.ApplicationStopping.Register(() => stopping = drain.StoppingAsync(CancellationToken.None));

        lifetime.StopApplication();

        Assert.True(drain.Draining);
        Assert.False(stopping!.IsCompleted, "the stop went on before the drain");
        _clock.Advance(TimeSpan.FromSeconds(3));
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_host_stopped_in_code_does_not_drain()
    {
        await using var app = await StartAsync("5");
        // Without StopApplication first (test hosts, WebApplicationFactory) the fake clock never moves and the stop
        // still completes: it would otherwise wait out the 25 s shutdown timeout.
        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_bad_setting_stops_start_up_naming_it()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(async () => await StartAsync("30"));
        Assert.Contains("SHUTDOWN_DRAIN_SECONDS", Assert.Single(e.Failures), StringComparison.Ordinal);
    }

    private async Task<WebApplication> StartAsync(string drainSeconds)
    {
        var app = Build(drainSeconds);
        try { await app.StartAsync(); }
        catch { await app.DisposeAsync(); throw; }
        return app;
    }

    private WebApplication Build(string drainSeconds)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection([new("SHUTDOWN_DRAIN_SECONDS", drainSeconds)]);
        builder.Logging.ClearProviders();
        builder.UseAvaOloHosting();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        app.MapGet("/records", () => "records");
        app.MapPost("/records", () => "created");
        app.MapGet("/slow", async () =>
        {
            _slowEntered.SetResult();
            await _slowRelease.Task;
            return "done";
        });
        return app;
    }

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A client of its own, so each request opens a new connection.</summary>
    private static HttpClient NewConnection(WebApplication app) => new(new SocketsHttpHandler()) { BaseAddress = Address(app), Timeout = TimeSpan.FromSeconds(10) };

    private static async Task WaitForListenerClosedAsync(WebApplication app)
    {
        var address = Address(app);
        for (var attempt = 0; attempt < 500; attempt++)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try { await socket.ConnectAsync(address.Host, address.Port); }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused) { return; }
            await Task.Delay(20);
        }
        Assert.Fail("the listener did not close after the drain");
    }
}
