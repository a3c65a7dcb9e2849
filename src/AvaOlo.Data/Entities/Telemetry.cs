namespace AvaOlo.Data.Entities;

/// <summary>
/// One minute of one service instance's telemetry. Latency is a histogram with fixed bucket boundaries
/// (LatencyBuckets.Bounds in ServiceDefaults) so minutes and instances merge by adding counts.
/// Rows are upserted additively: a second flush of the same minute adds to the first.
/// </summary>
public sealed class MetricMinute
{
    public DateTimeOffset Minute { get; set; }
    public required string Service { get; set; }
    public required string Instance { get; set; }
    public long Requests { get; set; }
    public long Http4xx { get; set; }
    public long Http5xx { get; set; }
    public double LatencySumMs { get; set; }
    public long[] LatencyBuckets { get; set; } = [];
    /// <summary>Most requests in flight at once during the minute.</summary>
    public int ActiveConnections { get; set; }
    public double? CpuPercent { get; set; }
    public double? MemoryMb { get; set; }
    public double? DiskUsedPercent { get; set; }
    public long DbConnectionErrors { get; set; }
    public long ConstitutionalViolations { get; set; }
    public long LlmQueries { get; set; }
    public long LlmFailures { get; set; }
    public double LlmLatencySumMs { get; set; }
    public long[] LlmLatencyBuckets { get; set; } = [];
    public long DbQueries { get; set; }
    public double DbQuerySumMs { get; set; }
    public long LocalizationTotal { get; set; }
    public long LocalizationMatched { get; set; }
}

/// <summary>
/// One hour of one service, all instances merged (additive upserts from every instance's flush): what the
/// 24 h and 7 d views read, so they touch 24–168 rows instead of 36,000–250,000.
/// </summary>
public sealed class MetricHour
{
    public DateTimeOffset Hour { get; set; }
    public required string Service { get; set; }
    /// <summary>Number of instance-minutes merged in: divides the gauge sums into averages.</summary>
    public long InstanceMinutes { get; set; }
    public long Requests { get; set; }
    public long Http4xx { get; set; }
    public long Http5xx { get; set; }
    public double LatencySumMs { get; set; }
    public long[] LatencyBuckets { get; set; } = [];
    public long ActiveConnectionsSum { get; set; }
    public double CpuPercentSum { get; set; }
    public double MemoryMbSum { get; set; }
    public long DbConnectionErrors { get; set; }
    public long ConstitutionalViolations { get; set; }
    public long LlmQueries { get; set; }
    public long LlmFailures { get; set; }
    public double LlmLatencySumMs { get; set; }
    public long[] LlmLatencyBuckets { get; set; } = [];
    public long DbQueries { get; set; }
    public double DbQuerySumMs { get; set; }
    public long LocalizationTotal { get; set; }
    public long LocalizationMatched { get; set; }
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
