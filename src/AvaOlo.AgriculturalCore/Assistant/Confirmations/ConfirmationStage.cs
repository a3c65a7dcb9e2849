using AvaOlo.AgriculturalCore.Assistant.Checks;
using AvaOlo.AgriculturalCore.Assistant.Exchanges;

namespace AvaOlo.AgriculturalCore.Assistant.Confirmations;

/// <summary>
/// The first stage of a continuing thread: is the farmer's message the answer to a proposal waiting in it? Then the
/// server — not the model — carries it out or drops it, and says so. This runs before any model call, so a proposal
/// made while answering a message can only be confirmed by a LATER message, on any instance.
/// </summary>
public sealed class ConfirmationStage(Proposals proposals, ProposalExecutor executor, AnswerChecker checker)
{
    /// <param name="explicitAnswer">A structured yes/no from the channel (e.g. a WhatsApp button for this proposal), which wins over the text.</param>
    public async Task<CheckedAnswer?> TryAnswerAsync(Asking who, AssistantRequest request, ConfirmationAnswer? explicitAnswer, CancellationToken ct)
    {
        if (who.Asker.FarmerId is not { } farmerId) return null;
        var reply = explicitAnswer ?? ConfirmationReply.Classify(request.Question);
        if (reply == ConfirmationAnswer.Other) return null;
        var open = await proposals.OpenAsync(farmerId, request.ThreadId, ct);
        if (open is null) return null;
        // A caller that may no longer write this farmer's records (a key's scope changed) cannot carry it out.
        var confirmed = reply == ConfirmationAnswer.Confirm && who.MayWriteRecords;
        if (await executor.ResolveAsync(open.Id, confirmed, request, ct) is not { } outcome) return null; // answered meanwhile by another request
        var answer = new AssistantAnswer(outcome.Text, outcome.Language, outcome.Sources);
        return new(answer, checker.CheckRuleBasedAnswer(answer, request.Language, request.CountryCode));
    }
}
