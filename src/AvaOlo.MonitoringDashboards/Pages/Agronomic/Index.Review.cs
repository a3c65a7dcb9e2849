using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.MonitoringDashboards.Pages.Agronomic;

/// <summary>The workbench's actions: approve, correct (and keep the correction as knowledge), reply, approve by filter.</summary>
public sealed partial class IndexModel
{
    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct) =>
        Redirected(await ReviewAsync([id], ReviewStates.Approved, null, ct), "approved");

    public async Task<IActionResult> OnPostApproveManyAsync(long[] ids, CancellationToken ct) =>
        Redirected(await ReviewAsync(ids.Take(200).ToArray(), ReviewStates.Approved, null, ct), "approved");

    /// <summary>
    /// Everything pending that matches the filters in the form, within the ids the agronomist was shown with the count
    /// (a form from before the bound existed sends no <paramref name="from"/>: no lower bound).
    /// </summary>
    public async Task<IActionResult> OnPostApproveFilteredAsync(long upTo, long expected, long? from, CancellationToken ct)
    {
        var (filter, errors) = ParseFilter();
        if (errors.Count > 0) return Invalid(errors);
        if (upTo <= 0) return Invalid(new() { ["upTo"] = "must be the newest id of the matching answers, as shown with the count" });
        if (from is { } f && (f < 0 || f > upTo)) return Invalid(new() { ["from"] = "must be the oldest id of the matching answers shown, at most upTo" });
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var n = await ReviewQueue.ApproveAllAsync(conn, filter, from ?? 0, upTo, User.Identity?.Name ?? "unknown", clock.GetUtcNow(), ct);
        return RedirectToPage(new { done = $"approved-filtered:{n}:{expected}" });
    }

    public Task<IActionResult> OnPostEditAsync(long id, string? answer, string? scope, CancellationToken ct) =>
        CorrectAsync(id, answer, scope, ReviewStates.Edited, "edited", ct);

    public Task<IActionResult> OnPostReplyAsync(long id, string? answer, string? scope, CancellationToken ct) =>
        CorrectAsync(id, answer, scope, ReviewStates.ExpertAnswered, "replied", ct);

    // The expert's text stays on the conversation (expert_answer) as before: that is the seam a channel's outbox
    // (WhatsApp) reads to deliver "Reply as expert" to the farmer.
    private async Task<IActionResult> CorrectAsync(long id, string? answer, string? scope, string state, string what, CancellationToken ct)
    {
        if (KnowledgeWriter.ScopeProblem(scope) is { } problem) return Invalid(new() { ["scope"] = problem });
        if (string.IsNullOrWhiteSpace(answer)) return Redirected(0, "empty");
        var text = answer.Trim();
        if (text.Length > MaxAnswerLength) text = text[..MaxAnswerLength];
        var n = await ReviewAsync([id], state, text, ct);
        if (n == 0 || string.IsNullOrEmpty(scope)) return Redirected(n, what);
        var saved = await KnowledgeWriter.SaveAsync(db, id, scope, text, User.Identity?.Name ?? "unknown", clock.GetUtcNow(), ct);
        return RedirectToPage(new { done = $"{what}-knowledge-{saved}:{n}" });
    }

    /// <summary>Stops the assistant from using an entry; the row stays (retired_at) as a record of what was taught.</summary>
    public async Task<IActionResult> OnPostRetireAsync(long id, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var n = await db.KnowledgeEntries.Where(k => k.Id == id && k.RetiredAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, at), ct);
        return Redirected(n, "retired");
    }

    private async Task<int> ReviewAsync(long[] ids, string state, string? expertAnswer, CancellationToken ct)
    {
        var by = User.Identity?.Name ?? "unknown";
        var at = clock.GetUtcNow();
        return await db.Conversations.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.ReviewState, state)
            .SetProperty(c => c.ExpertAnswer, c => expertAnswer ?? c.ExpertAnswer)
            .SetProperty(c => c.ReviewedBy, by)
            .SetProperty(c => c.ReviewedAt, at), ct);
    }

    private RedirectToPageResult Redirected(int count, string what) => RedirectToPage(new { done = $"{what}:{count}" });

    /// <summary>A form that cannot be acted on: RFC 9457 problem details naming each field and the reason.</summary>
    private static ObjectResult Invalid(Dictionary<string, string> errors) =>
        new(new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => new[] { e.Value }))
        {
            Status = StatusCodes.Status400BadRequest, Title = "Invalid request",
            Detail = string.Join("; ", errors.Select(e => $"{e.Key} {e.Value}")),
        })
        {
            StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" },
        };

    public string? DoneMessage => Done?.Split(':') switch
    {
        ["approved", var n] => $"Approved {n} answer(s).",
        ["approved-filtered", var n, var expected] => $"Approved {n} answer(s) matching the filters (the count shown was {expected}).",
        ["edited", var n] => $"Saved the corrected answer and approved it ({n}).",
        ["replied", var n] => $"Saved your expert reply ({n}).",
        ["retired", var n] => $"Retired {n} knowledge entry: the assistant no longer uses it.",
        [var what, var n] when what.Contains("-knowledge-", StringComparison.Ordinal) => KnowledgeMessage(what, n),
        ["empty", _] => "Write the answer first: an empty answer was not saved.",
        _ => null,
    };

    private static string KnowledgeMessage(string what, string n)
    {
        var saved = what.EndsWith(nameof(KnowledgeWriter.Outcome.Saved), StringComparison.Ordinal);
        var first = what.StartsWith("edited", StringComparison.Ordinal) ? $"Saved the corrected answer and approved it ({n})." : $"Saved your expert reply ({n}).";
        return first + (saved ? " It is kept as knowledge: the assistant will give it for the same question."
            : what.EndsWith("NoFarmer", StringComparison.Ordinal) ? " Not kept for this farmer: the question came from an unknown number."
            : what.EndsWith("NoCountry", StringComparison.Ordinal) ? " Not kept for the country: the exchange has no country."
            : " Not kept as knowledge: the exchange no longer exists.");
    }
}
