using System.Diagnostics.Metrics;
using AvaOlo.ServiceDefaults.Telemetry;

namespace AvaOlo.Data.Hosting;

/// <summary>
/// The database's metrics. Recording costs a few nanoseconds, never touches the database and never throws; the
/// values reach Prometheus, the per-minute rollups and the CloudWatch EMF lines through the telemetry pipeline.
/// </summary>
public static class DatabaseMetrics
{
    private static readonly Meter Meter = RolledUpMetric.CreateMeter();

    /// <summary>Time spent in one hand-written statement (<see cref="Sql"/>): DatabaseQueryTime, the mean.</summary>
    public static readonly RolledUpMetric QueryTime = new("avaolo.db.query.duration", RollupKind.Histogram)
    {
        Emf = [new("DatabaseQueryTime", "Milliseconds", s => s.Mean)],
    };

    /// <summary>Failed attempts to reach the database: drives the "more than 5 in 5 minutes" alarm.</summary>
    public static readonly RolledUpMetric ConnectionErrors = new("avaolo.db.connection_errors", RollupKind.Sum)
    {
        Emf = [new("DbConnectionErrors", "Count", s => s.Count)],
    };

    private static readonly Histogram<double> QueryTimeMs = Meter.CreateHistogram<double>(QueryTime.Instrument, "ms", "Database time spent in one hand-written statement");
    private static readonly Counter<long> ConnectionErrorCount = Meter.CreateCounter<long>(ConnectionErrors.Instrument, description: "Failed attempts to reach the database");

    public static void RecordQueryTime(double milliseconds) => QueryTimeMs.Record(milliseconds);

    public static void RecordConnectionError() => ConnectionErrorCount.Add(1);
}
