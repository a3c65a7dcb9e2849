using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>CPU, memory and disk use of this instance, sampled once a minute by the flusher before it collects.</summary>
public static class ProcessMetrics
{
    private static readonly Meter Meter = RolledUpMetric.CreateMeter();

    public static readonly RolledUpMetric Cpu = new("avaolo.process.cpu_percent", RollupKind.Gauge) { Emf = [new("CpuPercent", "Percent", s => s.Mean)] };
    public static readonly RolledUpMetric Memory = new("avaolo.process.memory_mb", RollupKind.Gauge) { Emf = [new("MemoryMB", "Megabytes", s => s.Mean)] };
    public static readonly RolledUpMetric Disk = new("avaolo.disk.used_percent", RollupKind.Gauge) { Emf = [new("DiskUsedPercent", "Percent", s => s.Mean)] };

    static ProcessMetrics()
    {
        // The gauges report the last sample, so a Prometheus scrape between two minutes does not shorten the CPU window.
        Meter.CreateObservableGauge(Cpu.Instrument, () => ProcessSampler.Shared.Latest.CpuPercent, "%");
        Meter.CreateObservableGauge(Memory.Instrument, () => ProcessSampler.Shared.Latest.MemoryMb, "MB");
        Meter.CreateObservableGauge(Disk.Instrument,
            () => ProcessSampler.Shared.Latest.DiskUsedPercent is { } d ? [new Measurement<double>(d)] : Array.Empty<Measurement<double>>(), "%");
    }
}

public sealed record ProcessSample(double CpuPercent, double MemoryMb, double? DiskUsedPercent);

/// <summary>CPU (share of all cores since the previous sample), working set and disk use of this instance.</summary>
public sealed class ProcessSampler
{
    public static readonly ProcessSampler Shared = new();
    private readonly Lock _gate = new();
    private TimeSpan _lastCpu;
    private long _lastAt = Stopwatch.GetTimestamp();

    public ProcessSample Latest { get; private set; } = new(0, 0, null);

    public ProcessSample Sample()
    {
        lock (_gate)
        {
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var now = Stopwatch.GetTimestamp();
            var wallMs = Stopwatch.GetElapsedTime(_lastAt, now).TotalMilliseconds;
            var percent = wallMs <= 0 ? 0 : (cpu - _lastCpu).TotalMilliseconds / (wallMs * Environment.ProcessorCount) * 100;
            (_lastCpu, _lastAt) = (cpu, now);
            Latest = new(Math.Round(Math.Clamp(percent, 0, 100), 2), Math.Round(process.WorkingSet64 / 1048576.0, 1), DiskUsedPercent());
            return Latest;
        }
    }

    private static double? DiskUsedPercent()
    {
        try
        {
            var drive = new DriveInfo(Path.GetPathRoot(AppContext.BaseDirectory) ?? "/");
            return drive.TotalSize == 0 ? null : Math.Round(100.0 * (drive.TotalSize - drive.AvailableFreeSpace) / drive.TotalSize, 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
