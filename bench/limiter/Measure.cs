using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace AvaOlo.Bench.Limiter;

internal static class Measure
{
    public sealed record Result(double PerSecond, double P50Ms, double P99Ms, double ServerCpuMicros, double? WalBytes);

    /// <summary>concurrency workers calling check for the given seconds; the server's CPU and WAL are read before and after.</summary>
    public static async Task<Result> RunAsync(Func<int, Task<bool>> check, int seconds, int concurrency, NpgsqlDataSource pg, Func<long>? cpu, bool wal)
    {
        var cpuBefore = cpu?.Invoke() ?? 0;
        var walBefore = wal ? await WalAsync(pg) : 0;
        var latencies = new List<double>[concurrency];
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var refused = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            for (var i = w; clock.Elapsed < until; i += concurrency)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await check(i)) Interlocked.Increment(ref refused);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        if (refused > 0) throw new InvalidOperationException($"{refused} checks refused: the bench measures granted requests only");
        var cpuMicros = cpu is null ? 0 : (cpu() - cpuBefore) * 1_000_000.0 / Cpu.TicksPerSecond / all.Count;
        double? walPerCheck = wal ? (await WalAsync(pg) - walBefore) / (double)all.Count : null;
        return new(all.Count / elapsed, all[all.Count / 2], all[(int)(all.Count * 0.99)], cpuMicros, walPerCheck);
    }

    private static async Task<long> WalAsync(NpgsqlDataSource pg)
    {
        await using var cmd = pg.CreateCommand("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}

/// <summary>CPU time (clock ticks) of processes, from /proc: a server's own cost, whatever the client does.</summary>
internal static class Cpu
{
    public const double TicksPerSecond = 100; // USER_HZ on Linux

    public static long Of(IEnumerable<int> pids) => pids.Sum(Ticks);

    /// <summary>The postmaster and every process it started (backends, WAL writer, checkpointer…).</summary>
    public static long OfTree(int root) => Of(Directory.GetDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
        .Where(pid => pid > 0 && (pid == root || Parent(pid) == root)));

    private static long Ticks(int pid)
    {
        var fields = Stat(pid);
        return fields is null ? 0 : long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static int Parent(int pid) => Stat(pid) is { } f ? int.Parse(f[1], CultureInfo.InvariantCulture) : 0;

    /// <summary>/proc/PID/stat after the command name: state, ppid, … (utime and stime are fields 14 and 15 of the file).</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
