namespace AvaOlo.Deploy;

/// <summary>
/// The CloudWatch Logs Insights queries saved with the services (AWS::Logs::QueryDefinition) and quoted in the runbook.
/// They read the JSON lines the services write (LOG_FORMAT=json, src/AvaOlo.ServiceDefaults/Telemetry/JsonLogFormatter.cs):
/// "message" plus each message parameter and the farmer scope (farmer_id, language, country_code) as top-level
/// fields. No CDK types here: tests/AvaOlo.Resilience.Tests compiles this file too and runs these exact strings over
/// log lines the core wrote during a test.
/// </summary>
public static class LogQueries
{
    public sealed record Saved(string Name, string Query);

    /// <summary>Every failed check of a model answer (QueryPipeline logs one line per failed check and attempt).</summary>
    public static readonly Saved ConstitutionalViolations = new("ava-olo/constitutional-violations", """
        fields @timestamp, ViolationType, Detail, Attempt, farmer_id, language, country_code, instance
        | filter message like /^constitutional violation: /
        | stats count(*) as violations by ViolationType, bin(1h)
        """);

    /// <summary>
    /// Questions answered for Hungarian speakers in Croatia: the reply language the farmer resolved to (scope field
    /// "language"; "Language" is the answer's own) and the farmer's country. One "Answered by" line per question.
    /// </summary>
    public static readonly Saved HungarianSpeakersInCroatiaPerHour = new("ava-olo/hungarian-speakers-in-croatia-per-hour", """
        filter message like /^Answered by / and language = "hu" and country_code = "HR"
        | stats count(*) as questions by bin(1h)
        """);

    /// <summary>
    /// The 5xx a service answers and logs: 500 "Unhandled error serving …" (level Error) and 503 "Database unavailable
    /// while serving …". There is no per-request access log (so no status field): 503s of the shutdown drain and of a
    /// schema mismatch are not in it, the platform's 5xx metric counts those.
    /// </summary>
    public static readonly Saved ServerErrors = new("ava-olo/server-errors-per-minute", """
        fields @timestamp, level, message, Path, Reason
        | filter message like /^(Unhandled error serving|Database unavailable while serving) /
        | stats count(*) as errors by Path, bin(1m)
        """);

    public static IReadOnlyList<Saved> All { get; } = [ConstitutionalViolations, HungarianSpeakersInCroatiaPerHour, ServerErrors];
}
