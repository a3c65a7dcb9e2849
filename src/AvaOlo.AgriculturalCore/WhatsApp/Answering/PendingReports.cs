using AvaOlo.AgriculturalCore.Assistant;
using AvaOlo.AgriculturalCore.Assistant.Checks;
using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using AvaOlo.AgriculturalCore.Assistant.Languages;
using AvaOlo.AgriculturalCore.Assistant.ModelPath;
using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.WhatsApp.Answering;

/// <summary>
/// Keeps a message the assistant cannot handle now (work reported while no model is configured) for an agronomist:
/// the exchange is stored in the farmer's thread, pending review, with the acknowledgement the farmer got as its
/// answer — so what was sent and what was stored agree, nothing is recorded, and nothing is lost.
/// </summary>
public sealed class PendingReports(ReplyLanguages languages, ExchangeStore exchanges, AnswerChecker checker, TimeProvider clock)
{
    /// <param name="phrase">The acknowledgement in the reply language (ChannelPhrases).</param>
    /// <param name="calls">Model calls made on the way (a photo the model could not read), for llm_debug_log.</param>
    public async Task<ChannelAnswer> KeepAsync(Asker asker, string question, Func<string?, (string Language, string Text)> phrase, CancellationToken ct,
        IReadOnlyList<ModelCallRecord>? calls = null)
    {
        var now = clock.GetUtcNow();
        var language = languages.Choose(question, null, asker.PreferredLanguage, asker.CountryCode).Code;
        var (said, text) = phrase(language);
        var request = new AssistantRequest(asker.FarmerId, asker.CountryCode, said, question.Length > QueryRules.MaxQueryLength ? question[..QueryRules.MaxQueryLength] : question,
            DateOnly.FromDateTime(now.UtcDateTime), ChannelAnswerer.ThreadOf(asker));
        var answer = new AssistantAnswer(text, said, []);
        var checks = checker.CheckRuleBasedAnswer(answer, said, asker.CountryCode);
        var id = await exchanges.StoreAsync(new ExchangeRecord(Asking.ForSender(asker, ChannelAnswerer.Channel), request, AnswerMethods.Offline, answer,
            System.Text.Json.JsonSerializer.Serialize(checks, ExchangeStore.Json), checks.All(c => c.Passed), true, 0, calls ?? [], now), ct);
        return new(text, said, asker.FarmerId, id);
    }

    /// <summary>A model's reading (of a photo), already checked, stored pending review with its call.</summary>
    public async Task<ChannelAnswer> KeepReadingAsync(Asker asker, string question, string language, string text, ModelCallRecord call,
        IReadOnlyList<CheckResult> checks, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var request = new AssistantRequest(asker.FarmerId, asker.CountryCode, language, question.Length > QueryRules.MaxQueryLength ? question[..QueryRules.MaxQueryLength] : question,
            DateOnly.FromDateTime(now.UtcDateTime), ChannelAnswerer.ThreadOf(asker));
        var answer = new AssistantAnswer(text, language, [], 0, call.Model);
        var id = await exchanges.StoreAsync(new ExchangeRecord(Asking.ForSender(asker, ChannelAnswerer.Channel), request, AnswerMethods.Llm, answer,
            System.Text.Json.JsonSerializer.Serialize(checks, ExchangeStore.Json), checks.All(c => c.Passed), true, call.LatencyMs, [call with { Checks = checks }], now), ct);
        return new(text, language, asker.FarmerId, id);
    }
}
