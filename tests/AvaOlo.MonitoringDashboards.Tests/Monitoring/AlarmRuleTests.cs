using AvaOlo.ServiceDefaults;
using AvaOlo.MonitoringDashboards.Monitoring;
using AvaOlo.ServiceDefaults.Telemetry;

namespace AvaOlo.MonitoringDashboards.Tests.Monitoring;

public sealed class AlarmRuleTests
{
    private static readonly DateTimeOffset M = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);
    private static readonly AlarmThresholds Defaults = new();

    private static MinuteFigures Minute(int offset, long requests = 100, long e5 = 0, double latency = 20, long db = 0, long violations = 0, long slow = 0, long sends = 0)
    {
        var buckets = LatencyBuckets.Empty();
        buckets[LatencyBuckets.IndexOf(latency)] = requests - slow;
        buckets[LatencyBuckets.IndexOf(8000)] += slow;
        return new(M.AddMinutes(offset), requests, e5, buckets, db, violations, sends);
    }

    public static TheoryData<string, MinuteFigures[], string> Cases => new()
    {
        { AlarmRules.Http5xx, [Minute(0, e5: 10)], AlarmStates.Ok },
        { AlarmRules.Http5xx, [Minute(0, e5: 11)], AlarmStates.Alarm },
        { AlarmRules.Http5xx, [Minute(-1, e5: 50)], AlarmStates.InsufficientData },  // the evaluated minute has no rollup
        { AlarmRules.Http5xx, [], AlarmStates.InsufficientData },
        { AlarmRules.LatencyP99, [Minute(0, latency: 4000)], AlarmStates.Ok },
        { AlarmRules.LatencyP99, [Minute(0, slow: 2)], AlarmStates.Alarm },          // 2 % of requests at 8 s: p99 is 8 s
        { AlarmRules.LatencyP99, [Minute(0, slow: 1)], AlarmStates.Ok },             // 1 %: the 99th request is still fast
        { AlarmRules.LatencyP99, [Minute(0, requests: 0)], AlarmStates.InsufficientData },
        { AlarmRules.DbConnectionErrors, [Minute(-4, db: 3), Minute(0, db: 2)], AlarmStates.Ok },
        { AlarmRules.DbConnectionErrors, [Minute(-4, db: 3), Minute(-1, db: 1), Minute(0, db: 2)], AlarmStates.Alarm },
        { AlarmRules.DbConnectionErrors, [Minute(-5, db: 30), Minute(0, db: 2)], AlarmStates.Ok },  // 6 minutes ago is outside
        { AlarmRules.DbConnectionErrors, [Minute(-2, db: 6)], AlarmStates.Alarm },   // a silent last minute still counts the window
        { AlarmRules.ConstitutionalViolations, [Minute(0)], AlarmStates.Ok },
        { AlarmRules.ConstitutionalViolations, [Minute(0, violations: 1)], AlarmStates.Alarm },
        { AlarmRules.WhatsAppSendFailures, [Minute(0)], AlarmStates.Ok },
        { AlarmRules.WhatsAppSendFailures, [Minute(-3, sends: 3), Minute(0, sends: 2)], AlarmStates.Ok },            // 5 is the threshold, not above it
        { AlarmRules.WhatsAppSendFailures, [Minute(-3, sends: 3), Minute(-1, sends: 1), Minute(0, sends: 2)], AlarmStates.Alarm },
        { AlarmRules.WhatsAppSendFailures, [Minute(-5, sends: 40), Minute(0, sends: 1)], AlarmStates.Ok },          // 6 minutes ago is outside
        { AlarmRules.WhatsAppSendFailures, [Minute(-2, sends: 6)], AlarmStates.Alarm },                             // failures, then a quiet minute
        { AlarmRules.WhatsAppSendFailures, [Minute(0, db: 9, e5: 50)], AlarmStates.Ok },                            // other failures are not sends
        { AlarmRules.WhatsAppSendFailures, [], AlarmStates.InsufficientData },
    };

    [Theory]
    [InlineData("ava-olo-agricultural-core", true)]
    [InlineData("ava-olo-monitoring-dashboards", false)]
    [InlineData("some-other-service", false)]
    public void The_send_failure_alarm_is_evaluated_only_for_the_service_that_sends(string service, bool evaluated)
    {
        Assert.Equal(evaluated, AlarmRules.For(service).Contains(AlarmRules.WhatsAppSendFailures));
        Assert.Equal([AlarmRules.Http5xx, AlarmRules.LatencyP99, AlarmRules.DbConnectionErrors, AlarmRules.ConstitutionalViolations],
            AlarmRules.For(service).Where(r => r != AlarmRules.WhatsAppSendFailures));
    }

    [Fact]
    public void The_send_failure_threshold_is_configurable()
    {
        // The rule, the CloudWatch metric the core writes (EMF) and the CDK alarm's metric (deploy/cdk/Names.cs) share one name.
        Assert.Equal(AlarmRules.WhatsAppSendFailures, ChannelMetrics.SendFailures.Emf.Single().Name);
        var (t, errors) = Settings.Read<AlarmThresholds>(k => k == "ALARM_WHATSAPP_SEND_FAILURES_PER_5_MINUTES" ? "0" : null, o => o.Validate());
        Assert.Empty(errors);
        var outcome = AlarmRules.Evaluate(AlarmRules.WhatsAppSendFailures, t, M, [Minute(0, sends: 1)]);
        Assert.Equal((AlarmStates.Alarm, 1.0), (outcome.State, outcome.Value));
        Assert.Equal("1 WhatsApp messages not sent in the 5 minutes to 06:01 UTC: above the threshold of 0 in 5 minutes", outcome.Reason);
        Assert.Equal("ALARM_WHATSAPP_SEND_FAILURES_PER_5_MINUTES must be a number, 0 or more",
            Assert.Single(Settings.Read<AlarmThresholds>(k => k == "ALARM_WHATSAPP_SEND_FAILURES_PER_5_MINUTES" ? "-2" : null, o => o.Validate()).Errors));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rules_follow_the_operators_thresholds(string rule, MinuteFigures[] recent, string expected) =>
        Assert.Equal(expected, AlarmRules.Evaluate(rule, Defaults, M, recent).State);

    [Fact]
    public void Thresholds_are_configurable_and_a_bad_value_stops_start_up_naming_it()
    {
        var (t, errors) = Settings.Read<AlarmThresholds>(k => k switch { "ALARM_HTTP_5XX_PER_MINUTE" => "0", _ => null }, o => o.Validate());
        Assert.Empty(errors);
        Assert.Equal((0, 5000), (t.Http5xxPerMinute, t.P99Ms));
        Assert.Equal(AlarmStates.Alarm, AlarmRules.Evaluate(AlarmRules.Http5xx, t, M, [Minute(0, e5: 1)]).State);

        Assert.Equal("ALARM_P99_MS must be a number (got \"fast\")",
            Assert.Single(Settings.Read<AlarmThresholds>(k => k == "ALARM_P99_MS" ? "fast" : null, o => o.Validate()).Errors));
        Assert.Equal("ALARM_DB_ERRORS_PER_5_MINUTES must be a number, 0 or more",
            Assert.Single(Settings.Read<AlarmThresholds>(k => k == "ALARM_DB_ERRORS_PER_5_MINUTES" ? "-1" : null, o => o.Validate()).Errors));
    }

    [Theory]
    [InlineData(null, AlarmStates.Ok, true)]
    [InlineData(AlarmStates.Ok, AlarmStates.Ok, false)]
    [InlineData(AlarmStates.Ok, AlarmStates.Alarm, true)]
    [InlineData(AlarmStates.Alarm, AlarmStates.InsufficientData, true)]
    public void A_transition_is_any_change_of_state(string? before, string after, bool expected) =>
        Assert.Equal(expected, AlarmRules.IsTransition(before, after));
}

public sealed class HealthRuleTests
{
    private static ComponentHealth C(string status) => new(status, status + " reason", new Dictionary<string, object?>());

    [Theory]
    [InlineData("ok", "ok", "not_configured", "healthy")]
    [InlineData("ok", "unhealthy", "ok", "degraded")]
    [InlineData("ok", "ok", "degraded", "degraded")]
    [InlineData("unhealthy", "ok", "ok", "unhealthy")]
    public void Overall_is_unhealthy_only_without_the_database(string db, string core, string llm, string expected)
    {
        var (status, _) = HealthRules.Overall(new Dictionary<string, ComponentHealth>
        {
            ["database"] = C(db), ["agricultural_core"] = C(core), ["language_model"] = C(llm),
        });
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(new bool[0], "closed")]
    [InlineData(new[] { false, false }, "closed")]
    [InlineData(new[] { false, false, false, true }, "open")]
    [InlineData(new[] { true, false, false, false }, "closed")]
    public void Circuit_opens_after_three_failures_in_a_row(bool[] newestFirst, string expected) =>
        Assert.Equal(expected, HealthRules.Circuit(newestFirst));

    [Theory]
    [InlineData("redis://:secret@cache.internal:6380/0", "cache.internal", 6380)]
    [InlineData("cache.internal:6379,ssl=true", "cache.internal", 6379)]
    [InlineData("redis://cache", "cache", 6379)]
    public void Redis_endpoint_is_read_from_REDIS_URL(string raw, string host, int port) =>
        Assert.Equal((host, port), HealthRules.RedisEndpoint(raw));
}
