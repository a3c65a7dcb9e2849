using AvaOlo.AgriculturalCore.Assistant.Checks;
using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using AvaOlo.AgriculturalCore.Assistant.Languages;
using AvaOlo.AgriculturalCore.Assistant.Limits;
using AvaOlo.AgriculturalCore.Assistant.ModelPath;
using AvaOlo.AgriculturalCore.WhatsApp.Inbox;
using AvaOlo.AgriculturalCore.WhatsApp.Media;
using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.WhatsApp.Answering;

/// <summary>
/// A photo's reply. With a vision model (and budget left today), the photo is fetched and read (<see cref="PhotoReader"/>);
/// a reading that passes the constitutional checks is the reply, followed by the promise that an agronomist will look.
/// Without a model, or when fetching or reading fails, the acknowledgement as before. Either way the exchange is stored
/// pending review and the message flagged image, so the workbench shows it first.
/// </summary>
public sealed class Photos(PhotoReader reader, MediaFetcher fetcher, PendingReports reports, ModelBudget budget, ReplyLanguages languages,
    AnswerChecker checker, TimeProvider clock, ILogger<Photos> log)
{
    public async Task<Reply> AnswerAsync(ClaimedMessage m, Asker asker, CancellationToken ct)
    {
        var question = string.IsNullOrWhiteSpace(m.Text) ? "[photo]" : m.Text!;
        var calls = new List<ModelCallRecord>();
        if (reader.Available && m.MediaRef is not null)
        {
            var language = languages.Choose(m.Text ?? "", null, asker.PreferredLanguage, asker.CountryCode).Code;
            var read = await ReadAsync(m, asker, language, calls, ct);
            if (read is not null) return read;
        }
        var kept = await reports.KeepAsync(asker, question, ChannelPhrases.ImageKept, ct, calls);
        return new(kept.Text, kept.FarmerId, kept.ConversationId, ReviewFlag: InboxReviewFlags.Image);
    }

    private async Task<Reply?> ReadAsync(ClaimedMessage m, Asker asker, string language, List<ModelCallRecord> calls, CancellationToken ct)
    {
        var who = Asking.ForSender(asker, ChannelAnswerer.Channel);
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (await budget.ExhaustedAsync(who, day, ct) is not null) return null; // the acknowledgement costs no tokens
        MediaFile file;
        try { file = await fetcher.FetchAsync(m.Provider, m.MediaRef!, ct); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !ct.IsCancellationRequested)
        {
            // Unlike a voice note, a photo has an answer without its bytes: the acknowledgement, and the agronomist opens the link.
            log.LogWarning("WhatsApp photo {InboxId}: could not fetch it ({Error}); acknowledged instead", m.Id, e.GetType().Name);
            return null;
        }
        if (file is not MediaFile.Fetched photo) return null;
        var reading = await reader.ReadAsync(photo.Bytes, m.MediaType ?? photo.MimeType, m.Text, language, asker.CountryCode, ct);
        await budget.ChargeAsync(who, day, [reading.Call], ct);
        if (reading.Text is not { } text)
        {
            calls.Add(reading.Call);
            log.LogWarning("WhatsApp photo {InboxId}: no reading from the model ({Error}); acknowledged instead", m.Id, reading.Call.Error);
            return null;
        }
        var checks = await checker.CheckModelAnswerAsync(text, language, asker.FarmerId, asker.CountryCode, ct);
        if (checks.Any(c => !c.Passed))
        {
            calls.Add(reading.Call with { Checks = checks, Success = false, Error = "failed a constitutional check: not sent" });
            return null;
        }
        var (_, promise) = ChannelPhrases.ImageKept(language);
        var kept = await reports.KeepReadingAsync(asker, m.Text ?? "[photo]", language, $"{text}\n\n{promise}", reading.Call, checks, ct);
        return new(kept.Text, kept.FarmerId, kept.ConversationId, ReviewFlag: InboxReviewFlags.Image);
    }
}
