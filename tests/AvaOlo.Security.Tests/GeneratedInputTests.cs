using System.Text.Json;
using Xunit.Abstractions;
using AvaOlo.Security.Tests.OpenApi;
using AvaOlo.Testing;

namespace AvaOlo.Security.Tests;

/// <summary>
/// The hostile corpus generated from the core's own OpenAPI document (/openapi/v1.json): every parameter and body
/// property of every operation gets the edge values of its schema. No 5xx; every 4xx is problem details; a 400
/// names a field, and the very field that carried a forbidden character; a 4xx changes nothing in the database.
/// A route added tomorrow is covered without anyone writing its cases.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class GeneratedInputTests(TestDatabase database, ITestOutputHelper output)
{
    [Fact]
    public async Task Core_answers_every_value_generated_from_its_openapi_schema_without_a_5xx_naming_the_field_and_changing_nothing_on_a_4xx()
    {
        var w = await World.CreateAsync(database);
        await using var host = new ServiceHost<AvaOlo.AgriculturalCore.Auth.Caller>(database.Unlimited());
        using var admin = host.Client(w.Keys[Who.Admin]);
        using var doc = JsonDocument.Parse(await admin.GetStringAsync("/openapi/v1.json"));
        var operations = Operation.ReadAll(doc.RootElement);
        var probes = GeneratedCorpus.For(operations, w, HostileCorpus.CoreRoutes()).ToList();

        await using var fingerprint = await DatabaseFingerprint.OpenAsync(database.ConnectionString);
        var before = await fingerprint.TakeAsync();
        var failures = new List<string>();
        foreach (var g in probes)
        {
            var answer = await Answer.SendAsync(admin, g.Probe.ToRequest());
            var why = answer.Problem(problemDetailsRequired: true) ?? Judge(g, answer);
            if (answer.Status < 500)
            {
                var after = await fingerprint.TakeAsync();
                if (answer.Status >= 400 && DatabaseFingerprint.Changed(before, after) is { Count: > 0 } changed)
                    why ??= $"a {answer.Status} changed {string.Join(", ", changed)}";
                before = after;
            }
            if (why is not null) failures.Add(Report.Line(g.Probe, answer, why));
        }

        output.WriteLine($"figures: {probes.Count} generated requests over {operations.Count} operations, " +
            $"{probes.Count(p => p.Kind == EdgeKind.Forbidden)} of them with a forbidden character");
        foreach (var op in operations)
            Assert.True(probes.Any(p => p.Probe.Route == op.ToString()), $"{op} has no generated request");
        Assert.True(operations.Count >= 25, $"the OpenAPI document lists only {operations.Count} operations");
        Report.NoFailures(failures, probes.Count, "generated requests to the core");
    }

    /// <summary>What the answer must say about the field the value went into (null when acceptable).</summary>
    private static string? Judge(GeneratedProbe g, Answer answer)
    {
        // Kestrel refuses a NUL in the path before any of our code runs: a bare 400, which Answer.Problem allows.
        var kestrelRefused = answer.Status == 400 && answer.MediaType is null;
        if (g.Kind == EdgeKind.Forbidden && answer.Status != 400) return $"a forbidden character in {g.Field} must be a 400";
        if (answer.Status != 400 || kestrelRefused) return null;
        var named = Fields(answer.Body);
        if (named.Count == 0) return "400 without errors naming a field";
        if (g.Kind == EdgeKind.Forbidden && !named.Any(f => Names(f, g.Field!)))
            return $"the 400 names {string.Join(", ", named)}, not {g.Field}";
        return null;
    }

    /// <summary>The error key names the field, or a part of it ("materials[0].name" for "materials"); a route's "fieldId" may be "field_id".</summary>
    private static bool Names(string key, string field)
    {
        foreach (var name in new[] { field, JsonNamingPolicy.SnakeCaseLower.ConvertName(field) })
            if (key == name || key.StartsWith(name + ".", StringComparison.Ordinal) || key.StartsWith(name + "[", StringComparison.Ordinal)) return true;
        return false;
    }

    private static List<string> Fields(string problemJson)
    {
        using var doc = JsonDocument.Parse(problemJson);
        return doc.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            ? errors.EnumerateObject().Select(e => e.Name).ToList()
            : [];
    }
}
