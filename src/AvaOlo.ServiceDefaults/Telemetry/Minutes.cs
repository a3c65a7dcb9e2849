namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>Minute and hour boundaries (UTC) of the rollups, and waiting for the next one.</summary>
public static class Minutes
{
    public static DateTimeOffset Of(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    public static DateTimeOffset HourOf(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);

    /// <summary>Waits until <paramref name="after"/> past the next minute boundary; false when stopping.</summary>
    public static async Task<bool> WaitForNextAsync(TimeProvider clock, TimeSpan after, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        try
        {
            await Task.Delay(Of(now).AddMinutes(1) + after - now, clock, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
