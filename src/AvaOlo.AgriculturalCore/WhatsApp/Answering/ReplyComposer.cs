using AvaOlo.AgriculturalCore.Assistant.Languages;
using AvaOlo.AgriculturalCore.WhatsApp.Inbox;
using AvaOlo.AgriculturalCore.WhatsApp.Onboarding;

namespace AvaOlo.AgriculturalCore.WhatsApp.Answering;

/// <summary>What to send back for one received message.</summary>
public sealed record Reply(string Text, int? FarmerId, long? ConversationId);

/// <summary>
/// Turns a received message into its reply: text (and button titles, which are words the farmer chose) goes to the
/// assistant; other types get a short polite reply in the farmer's language until the parts that read them exist.
/// </summary>
public sealed class ReplyComposer(ChannelAnswerer answerer, OnboardingConversation onboarding)
{
    public async Task<Reply> ComposeAsync(ClaimedMessage m, CancellationToken ct)
    {
        // STOP/START, and an unknown number's registration, come first (Onboarding/).
        if (await onboarding.TakeAsync(m, ct) is { } taken) return taken;
        if (m.Type is "text" or "button" or "interactive" && !string.IsNullOrWhiteSpace(m.Text))
        {
            var answer = await answerer.AnswerAsync(m.Sender, m.Text!, ct);
            return new(answer.Text, answer.FarmerId, answer.ConversationId);
        }
        var farmer = await answerer.FindAsync(m.Sender, ct);
        var (_, text) = ChannelPhrases.TextOnly(LanguageOf(farmer?.PreferredLanguage, farmer?.CountryCode ?? m.SenderCountry));
        return new(text, farmer?.FarmerId, null);
    }

    /// <summary>The farmer's language, else the number's country's main language (English when unknown).</summary>
    public static string? LanguageOf(string? preferred, string? country) => preferred ?? CountryLanguages.MainLanguageOf(country);
}
