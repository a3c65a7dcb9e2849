using System.Collections.Concurrent;
using System.Diagnostics;

namespace AvaOlo.Resilience.Tests;

/// <summary>
/// The agricultural core as a real process (what a container runs), with production settings: JSON logs, auth,
/// rate limiting and telemetry on. Built beside the tests (a project reference), run from there.
/// </summary>
public sealed class CoreProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private CoreProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }
    public Uri BaseAddress { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string Output => string.Join("\n", _output);

    public static async Task<CoreProcess> StartAsync(IReadOnlyDictionary<string, string> env, bool waitHealthy = true)
    {
        var dir = AppContext.BaseDirectory;
        var port = Scripts.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        // The core's own runtimeconfig (server GC settings) and deps file are copied here with it.
        start.ArgumentList.Add(Path.Combine(dir, "AvaOlo.AgriculturalCore.dll"));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["LOG_FORMAT"] = "json";
        start.Environment["METRICS_EMF"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in env) start.Environment[k] = v;
        var process = Process.Start(start)!;
        var core = new CoreProcess(process, port);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) core._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) core._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!waitHealthy) return core;
        try { await core.WaitHealthyAsync(TimeSpan.FromSeconds(60)); }
        catch { await core.DisposeAsync(); throw; } // never leave a process behind
        return core;
    }

    public HttpClient Client(string? apiKey = null, TimeSpan? timeout = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
        if (apiKey is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        return client;
    }

    public async Task WaitHealthyAsync(TimeSpan within)
    {
        using var client = Client(timeout: TimeSpan.FromSeconds(20));
        var until = Stopwatch.StartNew();
        while (until.Elapsed < within)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the core exited ({_process.ExitCode}):\n{Output}");
            try { if ((await client.GetAsync("/health")).IsSuccessStatusCode) return; } catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the core was not healthy within {within}:\n{Output}");
    }

    /// <summary>What App Runner / ECS send on a deploy.</summary>
    public void SendSigterm()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try { await _process.WaitForExitAsync(timeout.Token); return true; } catch (OperationCanceledException) { return false; }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
