using System.Text.Json.Nodes;

namespace AvaOlo.Resilience.Tests;

/// <summary>The evaluator against the Logs Insights rules it claims to follow, one line of the table per rule.</summary>
public sealed class LogsInsightsTests
{
    private static readonly JsonObject[] Lines =
    [
        Line("""{"timestamp":"2026-05-01T09:59:59.000Z","level":"Information","message":"Answered by offline in 12 ms","language":"hu","country_code":"HR","ElapsedMs":12}"""),
        Line("""{"timestamp":"2026-05-01T10:00:01.000Z","level":"Information","message":"Answered by llm in 900 ms","language":"hu","country_code":"HU","ElapsedMs":900}"""),
        Line("""{"timestamp":"2026-05-01T10:20:00.000Z","level":"Warning","message":"constitutional violation: privacy (phone); attempt 1","ViolationType":"privacy"}"""),
        Line("""{"timestamp":"2026-05-01T10:40:00.000Z","level":"Error","message":"Unhandled error serving GET /api/v1/x","Path":"/api/v1/x"}"""),
        Line("""{"timestamp":"2026-05-01T11:05:00.000Z","level":"Warning","message":"Database unavailable while serving /api/v1/y: timeout","Path":"/api/v1/y"}"""),
    ];

    private static JsonObject Line(string json) => JsonNode.Parse(json)!.AsObject();

    public static TheoryData<string, int> Filters => new()
    {
        { "filter level = \"Error\"", 1 },
        { "filter level = \"error\"", 0 },                                   // values compare exactly
        { "filter Level = \"Error\"", 0 },                                   // field names are case-sensitive
        { "filter message like \"Answered\"", 2 },                          // a string is a substring
        { "filter message like \"answered\"", 0 },
        { "filter message like /^Answered by llm/", 1 },                    // a regex
        { "filter message like /(?i)^answered/", 2 },
        { "filter message like /^(Unhandled error serving|Database unavailable while serving) /", 2 }, // | inside a regex is no pipe
        { "filter language = \"hu\" and country_code = \"HR\"", 1 },
        { "filter language = \"hu\" or level = \"Error\" and Path = \"/nowhere\"", 2 }, // and binds tighter than or
        { "filter (language = \"hu\" or level = \"Error\") and ElapsedMs > 0", 2 },
        { "filter not language = \"hu\"", 3 },
        { "filter country_code != \"HR\"", 1 },                             // a missing field never compares
        { "filter ElapsedMs >= 900", 1 },                                    // numbers compare as numbers
        { "filter ElapsedMs < 100", 1 },
        { "filter level in [\"Error\", \"Warning\"]", 3 },
        { "filter ispresent(ViolationType)", 1 },
        { "fields @timestamp, message | filter level = \"Warning\" | sort @timestamp desc | limit 5", 2 },
        { "# a comment\nfilter level = \"Warning\"", 2 },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void Filter_follows_the_logs_insights_rules(string query, int matches) =>
        Assert.Equal(matches, LogsInsights.Run(query, Lines).Matched.Count);

    [Fact]
    public void Stats_counts_per_bin_and_field()
    {
        var perHour = LogsInsights.Run("filter message like /^Answered by/ | stats count(*) as questions by bin(1h)", Lines).Counts;
        Assert.Equal(new Dictionary<string, long> { ["2026-05-01 09:00"] = 1, ["2026-05-01 10:00"] = 1 }, perHour);
        var perPath = LogsInsights.Run("filter ispresent(Path) | stats count(*) by Path, bin(1m)", Lines).Counts;
        Assert.Equal(new Dictionary<string, long> { ["/api/v1/x | 2026-05-01 10:40"] = 1, ["/api/v1/y | 2026-05-01 11:05"] = 1 }, perPath);
    }

    [Theory]
    [InlineData("parse message 'Answered by *' as method")]
    [InlineData("filter message =~ /x/")]
    [InlineData("filter level = \"Error\" | stats avg(ElapsedMs)")]
    public void Anything_outside_the_subset_is_refused_not_guessed(string query) =>
        Assert.ThrowsAny<Exception>(() => LogsInsights.Run(query, Lines));
}
