using AvaOlo.Data.Entities;
using AvaOlo.MonitoringDashboards.Monitoring;
using AvaOlo.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AvaOlo.MonitoringDashboards.Tests.Monitoring;

[Collection("database")]
public sealed class AlarmTests(DashboardsServer server) : DashboardTest(server)
{
    private const string Core = "ava-olo-agricultural-core";

    [Fact]
    public async Task Http5xx_alarm_fires_on_the_rollups_of_two_instances_and_recovers()
    {
        // A minute in the future, so the evaluator running in the background never evaluates the same minutes.
        var m = Minutes.Of(DateTimeOffset.UtcNow).AddDays(1);
        await MinuteAsync(m, "i-1", http5xx: 6);
        await MinuteAsync(m, "i-2", http5xx: 6);   // 12 in total: each instance alone is under 10
        var evaluator = Server.Services.GetRequiredService<AlarmEvaluator>();

        var fired = await evaluator.EvaluateAsync(m, CancellationToken.None);
        Assert.Contains(fired, t => t is { Alarm: AlarmRules.Http5xx, Service: Core, To: AlarmStates.Alarm });
        Assert.Empty(await evaluator.EvaluateAsync(m, CancellationToken.None)); // the same minute is evaluated once

        await MinuteAsync(m.AddMinutes(1), "i-1", http5xx: 1);
        var recovered = await evaluator.EvaluateAsync(m.AddMinutes(1), CancellationToken.None);
        Assert.Contains(recovered, t => t is { Alarm: AlarmRules.Http5xx, From: AlarmStates.Alarm, To: AlarmStates.Ok });

        await using var db = Database.CreateContext();
        var history = await db.AlarmTransitions.Where(t => t.Alarm == AlarmRules.Http5xx && t.Service == Core).OrderBy(t => t.Id).ToListAsync();
        Assert.Equal([AlarmStates.Alarm, AlarmStates.Ok], history.Select(t => t.ToState));
        using var browser = await SignedInAsync(UserRoles.Admin);
        var (_, html) = await browser.GetPageAsync("/admin");
        Assert.Contains("Http5xx: ALARM → <strong>OK</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constitutional_violation_and_database_failures_raise_their_alarms()
    {
        var m = Minutes.Of(DateTimeOffset.UtcNow).AddDays(2);
        await MinuteAsync(m.AddMinutes(-3), "i-1", dbErrors: 4);
        await MinuteAsync(m, "i-1", dbErrors: 2, violations: 1);

        var fired = await Server.Services.GetRequiredService<AlarmEvaluator>().EvaluateAsync(m, CancellationToken.None);

        Assert.Contains(fired, t => t is { Alarm: AlarmRules.DbConnectionErrors, To: AlarmStates.Alarm });
        Assert.Contains(fired, t => t is { Alarm: AlarmRules.ConstitutionalViolations, To: AlarmStates.Alarm });
        Assert.DoesNotContain(fired, t => t.Alarm == AlarmRules.Http5xx);
    }

    /// <summary>One instance's minute as the telemetry pipeline writes it: 100 requests at 20 ms, some of them 5xx.</summary>
    private async Task MinuteAsync(DateTimeOffset minute, string instance, long http5xx = 0, long dbErrors = 0, long violations = 0)
    {
        long[] At20Ms(long n)
        {
            var buckets = LatencyBuckets.Empty();
            buckets[LatencyBuckets.IndexOf(20)] = n;
            return buckets;
        }
        MetricMinute Row(string metric, string label, long count, long[]? buckets = null) =>
            new() { Minute = minute, Service = Core, Instance = instance, Metric = metric, Label = label, Count = count, Sum = count * 20.0, Buckets = buckets };
        await using var db = Database.CreateContext();
        db.MetricMinutes.Add(Row(MetricNames.Requests, "2xx", 100 - http5xx, At20Ms(100 - http5xx)));
        if (http5xx > 0) db.MetricMinutes.Add(Row(MetricNames.Requests, "5xx", http5xx, At20Ms(http5xx)));
        if (dbErrors > 0) db.MetricMinutes.Add(Row(MetricNames.DbConnectionErrors, "", dbErrors));
        if (violations > 0) db.MetricMinutes.Add(Row(MetricNames.Violations, "", violations));
        await db.SaveChangesAsync();
    }
}
