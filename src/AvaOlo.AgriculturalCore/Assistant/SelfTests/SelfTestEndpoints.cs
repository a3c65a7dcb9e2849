using AvaOlo.AgriculturalCore.Assistant.Languages;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data.Entities;
using AvaOlo.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AvaOlo.AgriculturalCore.Assistant.SelfTests;

public sealed record SelfTestCheck(string Name, bool Passed, string Detail);

/// <summary>passed is true only when every check passed; the HTTP status is 200 either way, so read `passed`.</summary>
public sealed record SelfTestResult(string Test, bool Passed, IReadOnlyList<SelfTestCheck> Checks, string? Response, string? Method, int? ProcessingTimeMs);

/// <summary>
/// Ask the demo farmers' questions through the real pipeline and check the answers' content: the language and
/// script, the farmer's own numbers, the time taken and the constitutional checks. They fail when the data or
/// the answer is wrong — "nothing threw" is not a pass.
/// </summary>
public static class SelfTestEndpoints
{
    public static void MapSelfTests(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/test").WithTags("Self-tests").RequireAuthorization(ApiScopes.Admin).WithApiErrors();
        group.MapPost("/mango-rule", (SelfTestRunner runner, CancellationToken ct) => Run(runner.MangoRuleAsync(ct)))
            .WithName("RunMangoRuleSelfTest").WithSummary("The Bulgarian mango grower asks, in Cyrillic, how many mango trees they have")
            .WithDescription(Checked + " The answer must be Bulgarian in Cyrillic and state the farmer's real number of trees.");
        group.MapPost("/slovenian-farmer", (SelfTestRunner runner, CancellationToken ct) => Run(runner.SlovenianFarmerAsync(ct)))
            .WithName("RunSlovenianFarmerSelfTest").WithSummary("The Slovenian tomato grower asks when to spray tomatoes against blight")
            .WithDescription(Checked + " The answer must be Slovenian and name the farmer's tomato fields.");
    }

    private const string Checked = "Needs an admin key and the demo data (`avaolo seed`). Asks through the real pipeline and checks the " +
        "answer's content, language, latency and constitutional checks; `passed` is true only when every check passed (HTTP 200 either way).";

    private static async Task<Ok<SelfTestResult>> Run(Task<SelfTestResult> test) => TypedResults.Ok(await test);
}

internal static class SelfTestChecks
{
    public static SelfTestCheck Language(QueryResponse r, string language, Script script, LanguageDetection detection)
    {
        var detected = detection.Detect(r.Response);
        var actual = Scripts.Dominant(r.Response);
        var ok = r.Language == language && actual == script && (detected is null || detected == language);
        return new("language_and_script", ok, $"expected {language} in {script}; answer marked {r.Language}, script {actual}, detected {detected ?? "unsure"}");
    }

    public static SelfTestCheck Latency(QueryResponse r, int maxMs) =>
        new("latency", r.Metadata.ProcessingTimeMs <= maxMs, $"{r.Metadata.ProcessingTimeMs} ms (limit {maxMs} ms)");

    public static SelfTestCheck Constitution(QueryResponse r) =>
        new("constitutional_checks", r.ConstitutionalCompliance.Passed,
            string.Join("; ", r.ConstitutionalCompliance.Checks.Select(c => $"{c.Name}: {(c.Passed ? "ok" : "FAILED")} ({c.Detail})")));

    /// <summary>Digits as they appear in text: "1 200", "1.200" and "1,200" all contain 1200.</summary>
    public static bool ContainsNumber(string text, long number)
    {
        var compact = System.Text.RegularExpressions.Regex.Replace(text, @"(?<=\d)[\s.,\u00A0\u202F](?=\d{3}\b)", "");
        return System.Text.RegularExpressions.Regex.IsMatch(compact, $@"(?<!\d){number}(?!\d)");
    }
}
