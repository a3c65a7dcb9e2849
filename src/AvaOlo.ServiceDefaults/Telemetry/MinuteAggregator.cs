using System.Diagnostics.Metrics;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>
/// In-memory per-minute aggregation for this instance. The request path only takes a short lock and bumps
/// counters: no I/O, no allocation beyond a new route key. Memory is bounded: at most MaxRoutesPerMinute route
/// keys per minute and MaxOpenMinutes minutes not yet taken by the flusher (oldest dropped and counted).
/// Custom metrics arrive through a MeterListener on AvaOloMetrics' instruments.
/// </summary>
public sealed class MinuteAggregator : IDisposable
{
    public const int MaxRoutesPerMinute = 200;
    public const int MaxOpenMinutes = 120;

    private readonly TimeProvider _clock;
    private readonly TelemetryOptions _options;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<DateTimeOffset, MinuteBucket> _open = [];
    private readonly MeterListener _listener = new();
    private int _inFlight;
    private long _droppedMinutes;

    public MinuteAggregator(TimeProvider clock, TelemetryOptions options)
    {
        _clock = clock;
        _options = options;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AvaOloMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => OnMeasurement(i.Name, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => OnMeasurement(i.Name, value, tags));
        _listener.Start();
    }

    public long DroppedMinutes => Interlocked.Read(ref _droppedMinutes);
    public int InFlight => Volatile.Read(ref _inFlight);

    public void RequestStarted()
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        lock (_gate) Current().ObserveActive(inFlight);
    }

    public void RequestFinished(string route, int status, double elapsedMs)
    {
        Interlocked.Decrement(ref _inFlight);
        lock (_gate) Current().AddRequest(route, status, elapsedMs, MaxRoutesPerMinute);
    }

    /// <summary>Removes and returns the minutes before the current one (and the current one too when asked).</summary>
    public IReadOnlyList<FlushedMinute> TakeClosed(bool includeCurrent, ProcessSample sample)
    {
        var now = MinuteOf(_clock.GetUtcNow());
        lock (_gate)
        {
            var taken = _open.Values.Where(b => includeCurrent || b.Minute < now).ToList();
            foreach (var b in taken) _open.Remove(b.Minute);
            return taken.Select(b => b.Close(_options.Service, _options.InstanceId, sample)).ToList();
        }
    }

    public static DateTimeOffset MinuteOf(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    /// <summary>Waits until <paramref name="after"/> past the next minute boundary; false when stopping.</summary>
    public static async Task<bool> WaitForNextMinuteAsync(TimeProvider clock, TimeSpan after, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        try
        {
            await Task.Delay(MinuteOf(now).AddMinutes(1) + after - now, clock, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void OnMeasurement(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var flag = true;
        foreach (var tag in tags)
            if (tag.Key is "success" or "matched" && tag.Value is bool b) flag = b;
        lock (_gate)
        {
            var bucket = Current();
            switch (instrument)
            {
                case AvaOloMetrics.ViolationsName: bucket.AddViolation(); break;
                case AvaOloMetrics.DbConnectionErrorsName: bucket.AddDbConnectionError(); break;
                case AvaOloMetrics.LlmLatencyName: bucket.AddLlm(value, flag); break;
                case AvaOloMetrics.DbQueryName: bucket.AddDbQuery(value); break;
                case AvaOloMetrics.LocalizationName: bucket.AddLocalization(flag); break;
            }
        }
    }

    private MinuteBucket Current()
    {
        var minute = MinuteOf(_clock.GetUtcNow());
        if (_open.TryGetValue(minute, out var bucket)) return bucket;
        if (_open.Count >= MaxOpenMinutes)
        {
            _open.Remove(_open.Keys.First());
            _droppedMinutes++;
        }
        return _open[minute] = new MinuteBucket(minute);
    }

    public void Dispose() => _listener.Dispose();
}
