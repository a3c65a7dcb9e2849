using System.Diagnostics;

namespace AvaOlo.Resilience.Tests;

/// <summary>Runs the repository's helper scripts (bench/lib): a scratch PostgreSQL cluster, a throwaway redis-server.</summary>
public static class Scripts
{
    public static string RepoRoot { get; } = FindRoot();

    public static Task RunAsync(string script, params string[] args) => RunAsync(new Dictionary<string, string>(), script, args);

    /// <summary>With extra environment variables (secrets go there, not on the command line other users can read).</summary>
    public static async Task RunAsync(IReadOnlyDictionary<string, string> env, string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot };
        foreach (var (k, v) in env) start.Environment[k] = v;
        start.ArgumentList.Add(Path.Combine(RepoRoot, script));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(timeout.Token);
        if (p.ExitCode != 0) throw new InvalidOperationException($"{script} {string.Join(' ', args)} failed ({p.ExitCode}): {await stderr}{await stdout}");
    }

    /// <summary>A TCP port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    // Above the test binaries, or (when built with --artifacts-path elsewhere) above this source file.
    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source) ?? "" })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "AvaOlo.slnx"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (AvaOlo.slnx) above " + AppContext.BaseDirectory);
    }
}
