namespace AvaOlo.Data.Entities;

/// <summary>
/// One metric of one service instance in one minute: a row per declared metric and label (the one tag it keeps, e.g.
/// the status class "5xx"; "" when none), written by the telemetry pipeline (src/AvaOlo.ServiceDefaults/Telemetry:
/// a metric is declared once, as a RolledUpMetric, and needs no column of its own). Count and Sum mean: for a counter,
/// the increments; for a histogram, measurements and their sum, with Buckets over the fixed LatencyBuckets bounds so
/// minutes and instances merge by adding counts; for a gauge, samples and their sum. Rows are upserted additively:
/// a second flush of the same minute adds to the first.
/// </summary>
public sealed class MetricMinute
{
    public DateTimeOffset Minute { get; set; }
    public required string Service { get; set; }
    public required string Instance { get; set; }
    public required string Metric { get; set; }
    public string Label { get; set; } = "";
    public long Count { get; set; }
    public double Sum { get; set; }
    public long[]? Buckets { get; set; }
}

/// <summary>
/// One metric of one service in one hour, all instances merged (additive upserts from every instance's flush): what
/// the 24 h and 7 d views read. For a gauge, Count is the instance-minutes merged in, which turns Sum into an average.
/// </summary>
public sealed class MetricHour
{
    public DateTimeOffset Hour { get; set; }
    public required string Service { get; set; }
    public required string Metric { get; set; }
    public string Label { get; set; } = "";
    public long Count { get; set; }
    public double Sum { get; set; }
    public long[]? Buckets { get; set; }
}

/// <summary>Requests per route template and status class ("2xx"…"5xx") per hour, all instances merged.</summary>
public sealed class MetricRouteHour
{
    public DateTimeOffset Hour { get; set; }
    public required string Service { get; set; }
    public required string Route { get; set; }
    public required string StatusClass { get; set; }
    public long Requests { get; set; }
    public double LatencySumMs { get; set; }
    public long[] LatencyBuckets { get; set; } = [];
}

/// <summary>Current state of one alarm rule for one service: OK, ALARM or INSUFFICIENT_DATA.</summary>
public sealed class AlarmState
{
    public required string Alarm { get; set; }
    public required string Service { get; set; }
    public required string State { get; set; }
    public double? Value { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset Since { get; set; }
    public DateTimeOffset EvaluatedMinute { get; set; }
}

/// <summary>Every change of an alarm's state, newest last.</summary>
public sealed class AlarmTransition
{
    public long Id { get; set; }
    public required string Alarm { get; set; }
    public required string Service { get; set; }
    public required string FromState { get; set; }
    public required string ToState { get; set; }
    public double? Value { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// The assistant's activity per closed day (UTC), computed once from conversations and llm_debug_log by the
/// dashboards so 30-day charts read 30 rows, not hundreds of thousands. Today is always computed live.
/// </summary>
public sealed class ActivityDay
{
    public DateOnly Day { get; set; }
    public long Questions { get; set; }
    public long ActiveFarmers { get; set; }
    public long FailedChecks { get; set; }
    public long LlmCalls { get; set; }
    public long LlmFailures { get; set; }
    public long PromptTokens { get; set; }
    public long CompletionTokens { get; set; }
    public double LlmLatencySumMs { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>Questions per closed day by language, country and topic (see ActivityRollup for "topic").</summary>
public sealed class QuestionDay
{
    public DateOnly Day { get; set; }
    public required string Language { get; set; }
    public required string CountryCode { get; set; }
    public required string Topic { get; set; }
    public long Questions { get; set; }
}
