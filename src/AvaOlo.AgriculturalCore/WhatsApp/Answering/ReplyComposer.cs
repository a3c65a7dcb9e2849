using System.Text.Json;
using AvaOlo.AgriculturalCore.Assistant.Confirmations;
using AvaOlo.AgriculturalCore.Assistant.Languages;
using AvaOlo.AgriculturalCore.Assistant.ModelPath;
using AvaOlo.AgriculturalCore.WhatsApp.Inbox;
using AvaOlo.AgriculturalCore.WhatsApp.Media;
using AvaOlo.Data.Entities;
using Npgsql;
using AvaOlo.AgriculturalCore.WhatsApp.Onboarding;

namespace AvaOlo.AgriculturalCore.WhatsApp.Answering;

/// <summary>
/// What to send back for one received message. Buttons (with the words a Twilio farmer reads instead) go under a
/// proposal; ReviewFlag marks the message for an agronomist (whatsapp_inbox.review_flag).
/// </summary>
public sealed record Reply(string Text, int? FarmerId, long? ConversationId, IReadOnlyList<ReplyButton>? Buttons = null, string? ButtonHint = null,
    string? ReviewFlag = null);

/// <summary>
/// Turns a received message into its reply: text (and button titles, which are words the farmer chose) goes to the
/// assistant, and an answer that proposes a change gets Yes/No buttons. A tapped button answers the proposal it names,
/// and only while that proposal is the thread's open one. Without a model, reported work is kept for an agronomist
/// rather than answered. Other types get a short polite reply in the farmer's language.
/// </summary>
public sealed class ReplyComposer(ChannelAnswerer answerer, Proposals proposals, ModelAnswerer model, PendingReports reports, VoiceNotes voice,
    LocationReplies locations, NpgsqlDataSource data, TimeProvider clock, OnboardingConversation onboarding, Photos photos, SenderLimit limit)
{
    public async Task<Reply> ComposeAsync(ClaimedMessage m, CancellationToken ct)
    {
        // The per-minute limit by number first: over it, nothing below runs (no model, no onboarding step).
        if (await limit.RefuseAsync(m, await answerer.AskerAsync(m.Sender, ct), ct) is { } refused) return refused;
        // STOP/START, and an unknown number's registration, come first (Onboarding/).
        if (await onboarding.TakeAsync(m, ct) is { } taken) return taken;
        if (m.Type == "interactive" && ConfirmButtons.Parse(ButtonIdOf(m.Payload)) is { } tap) return await TapAsync(m, tap.ProposalId, tap.Answer, ct);
        if (m.Type is "text" or "button" or "interactive" && !string.IsNullOrWhiteSpace(m.Text)) return await AskAsync(m, m.Text!, ct);
        // A photo waits for an agronomist (the inbox row links to it), read by the vision model first when there is one.
        if (m.Type == "image") return await photos.AnswerAsync(m, await answerer.AskerAsync(m.Sender, ct), ct);
        var farmer = await answerer.FindAsync(m.Sender, ct);
        var language = LanguageOf(farmer?.PreferredLanguage, farmer?.CountryCode ?? m.SenderCountry);
        if (m.Type is "audio" or "voice")
        {
            var heard = await voice.HearAsync(m, language, ct);
            if (heard is VoiceOutcome.Heard words) return await AskAsync(m, words.Text, ct);
            var (_, why) = heard is VoiceOutcome.NoAdvisor ? ChannelPhrases.VoiceNeedsAdvisor(language)
                : heard is VoiceOutcome.TooBig ? ChannelPhrases.MediaTooBig(language) : ChannelPhrases.TextOnly(language);
            return new(why, farmer?.FarmerId, null);
        }
        // Only a known farmer has fields to place; an unknown number's pin gets the polite reply below.
        if (m.Type == "location" && farmer is not null) return await locations.ProposeAsync(m, farmer, ct);
        var (_, text) = ChannelPhrases.TextOnly(language);
        return new(text, farmer?.FarmerId, null);
    }

    /// <summary>A question or a report in words (typed, or transcribed from a voice note).</summary>
    public async Task<Reply> AskAsync(ClaimedMessage m, string text, CancellationToken ct)
    {
        var sender = m.Sender;
        if (!model.Available && WorkReports.Looks(text) && await answerer.FindAsync(sender, ct) is { } farmer)
        {
            var kept = await reports.KeepAsync(farmer, text, ChannelPhrases.ReportKept, ct);
            return new(kept.Text, kept.FarmerId, kept.ConversationId, ReviewFlag: InboxReviewFlags.UnconfirmedRecordReport);
        }
        var answer = await answerer.AnswerAsync(sender, text, ct);
        if (!answer.OverLimit) return WithButtons(answer);
        // Over the day's budget: told once a day (UTC, as the budget counts), then silence rather than a notice per message.
        var today = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var told = await InboxWork.ToldOverLimitAsync(data, sender, today, m.Id, ct);
        return new(told ? "" : answer.Text, answer.FarmerId, null, ReviewFlag: InboxReviewFlags.OverLimit);
    }

    private async Task<Reply> TapAsync(ClaimedMessage m, long proposalId, ConfirmationAnswer answer, CancellationToken ct)
    {
        var farmer = await answerer.FindAsync(m.Sender, ct);
        // The id comes from our own button, but the tap may be old: only the thread's open proposal can be answered by it.
        var open = farmer?.FarmerId is { } id ? await proposals.OpenAsync(id, ChannelAnswerer.ThreadOf(farmer), ct) : null;
        if (open?.Id != proposalId)
        {
            var (_, stale) = ChannelPhrases.Stale(LanguageOf(farmer?.PreferredLanguage, farmer?.CountryCode ?? m.SenderCountry));
            return new(stale, farmer?.FarmerId, null);
        }
        var words = string.IsNullOrWhiteSpace(m.Text) ? answer.ToString() : m.Text!;
        return WithButtons(await answerer.AnswerAsync(m.Sender, words, ct, answer));
    }

    private static Reply WithButtons(ChannelAnswer a) => a.Proposal is { } p
        ? new(a.Text, a.FarmerId, a.ConversationId, ConfirmButtons.For(p.Id, a.Language), ConfirmButtons.Hint(a.Language))
        : new(a.Text, a.FarmerId, a.ConversationId);

    /// <summary>The id of a Cloud API button reply (interactive.button_reply.id), if the payload is one.</summary>
    private static string? ButtonIdOf(string? payload)
    {
        if (string.IsNullOrEmpty(payload)) return null;
        try
        {
            using var doc = JsonDocument.Parse(payload);
            return doc.RootElement.TryGetProperty("interactive", out var i) && i.ValueKind == JsonValueKind.Object
                && i.TryGetProperty("button_reply", out var b) && b.ValueKind == JsonValueKind.Object
                && b.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

    /// <summary>The farmer's language, else the number's country's main language (English when unknown).</summary>
    public static string? LanguageOf(string? preferred, string? country) => preferred ?? CountryLanguages.MainLanguageOf(country);
}
