using System.Globalization;
using AvaOlo.AgriculturalCore.Assistant.Confirmations;
using AvaOlo.AgriculturalCore.Assistant.Languages;
using AvaOlo.AgriculturalCore.WhatsApp.Answering;
using AvaOlo.AgriculturalCore.WhatsApp.Inbox;
using AvaOlo.Data.Entities;
using Npgsql;

namespace AvaOlo.AgriculturalCore.WhatsApp.Onboarding;

/// <summary>
/// What a number says before (and besides) asking questions: STOP and START, and the short conversation that registers
/// an unknown number — its first question is answered at once and the reply asks for a name; then the farm's name; then
/// consent to a versioned text. Returns the reply when it handled the message, or null to let the assistant answer it.
/// A question in the middle of onboarding is answered and the pending question asked again; only text that reads as a
/// name is taken as one, and such text never reaches the model.
/// </summary>
public sealed class OnboardingConversation(NpgsqlDataSource data, ChannelAnswerer answerer, FarmerRegistration registration, TimeProvider clock)
{
    public async Task<Reply?> TakeAsync(ClaimedMessage m, CancellationToken ct)
    {
        var text = m.Type is "text" or "button" or "interactive" ? m.Text : null;
        var contact = await ContactStore.FindAsync(data, m.Sender, ct);
        var word = OptOutWords.Classify(text);
        if (word == OptWord.Out) return await OptOutAsync(m, contact, ct);
        if (contact?.OptedOutAt is not null)
        {
            if (word == OptWord.In && await OptInAsync(m, contact, ct) is { } welcomeBack) return welcomeBack;
            // Kept, and answered with a reminder the outbox will not send: nothing goes to a number that said STOP.
            return new(Phrases(contact.Language).OptedOut, contact.FarmerId, null);
        }
        if (contact is not null && contact.LastInboxId == m.Id) return await ReplayAsync(m, contact, text, ct);
        if (text is null || string.IsNullOrWhiteSpace(text) || await answerer.FindAsync(m.Sender, ct) is not null) return null;
        return contact?.Step switch
        {
            OnboardingSteps.AskName => await NameAsync(m, text, contact, ct),
            OnboardingSteps.AskFarm => await FarmAsync(m, text, contact, ct),
            OnboardingSteps.AskConsent => await ConsentAsync(m, text, contact, ct),
            OnboardingSteps.Refused when clock.GetUtcNow() - contact.RefusedAt < OnboardingRules.RefusalRemembered => null,
            _ => await StartAsync(m, text, ct),
        };
    }

    private async Task<Reply> StartAsync(ClaimedMessage m, string text, CancellationToken ct)
    {
        var answer = await answerer.AnswerAsync(m.Sender, text, ct);
        // The conversation's language: the message's (as the assistant resolved it), else the number's country's.
        var language = answer.Language ?? CountryLanguages.MainLanguageOf(m.SenderCountry) ?? "en";
        await ContactStore.StartAsync(data, m.Sender, language, m.Id, clock.GetUtcNow(), ct);
        return new($"{answer.Text}\n\n{Phrases(language).Intro}", null, answer.ConversationId);
    }

    private async Task<Reply> NameAsync(ClaimedMessage m, string text, Contact c, CancellationToken ct)
    {
        var p = Phrases(c.Language);
        if (OnboardingRules.NameFrom(text) is not { } name) return await AnswerThenAskAsync(m, text, p.AskName, ct);
        await ContactStore.MoveAsync(data, m.Sender, OnboardingSteps.AskName, OnboardingSteps.AskFarm, name, null, m.Id, clock.GetUtcNow(), ct);
        return new($"{Format(p.ThanksName, name)} {p.AskFarm}", null, null);
    }

    private async Task<Reply> FarmAsync(ClaimedMessage m, string text, Contact c, CancellationToken ct)
    {
        var p = Phrases(c.Language);
        if (OnboardingRules.NameFrom(text) is not { } farm) return await AnswerThenAskAsync(m, text, p.AskFarm, ct);
        await ContactStore.MoveAsync(data, m.Sender, OnboardingSteps.AskFarm, OnboardingSteps.AskConsent, null, farm, m.Id, clock.GetUtcNow(), ct);
        return new(Format(p.Consent, c.Name, farm, FarmerRegistration.ConsentVersion), null, null);
    }

    private async Task<Reply> ConsentAsync(ClaimedMessage m, string text, Contact c, CancellationToken ct)
    {
        var p = Phrases(c.Language);
        switch (ConfirmationReply.Classify(text))
        {
            case ConfirmationAnswer.Confirm:
                var farmerId = await registration.RegisterAsync(m.Sender, c, m.Id, ct);
                return new(Format(p.Welcome, c.Name), farmerId, null);
            case ConfirmationAnswer.Decline:
                await ContactStore.RefuseAsync(data, m.Sender, m.Id, clock.GetUtcNow(), ct);
                return new(p.Refused, null, null);
            default:
                return await AnswerThenAskAsync(m, text, Format(p.Consent, c.Name, c.FarmName, FarmerRegistration.ConsentVersion), ct);
        }
    }

    /// <summary>The same message processed again (its first worker died after moving the conversation): the same reply.</summary>
    private async Task<Reply?> ReplayAsync(ClaimedMessage m, Contact c, string? text, CancellationToken ct)
    {
        var p = Phrases(c.Language);
        return c.Step switch
        {
            OnboardingSteps.AskName when text is not null => await StartAsync(m, text, ct),
            OnboardingSteps.AskFarm => new($"{Format(p.ThanksName, c.Name)} {p.AskFarm}", null, null),
            OnboardingSteps.AskConsent => new(Format(p.Consent, c.Name, c.FarmName, FarmerRegistration.ConsentVersion), null, null),
            OnboardingSteps.Refused => new(p.Refused, null, null),
            OnboardingSteps.Registered when await answerer.FindAsync(m.Sender, ct) is { } farmer =>
                new(Format(p.Welcome, await registration.NameOfAsync(farmer.FarmerId!.Value, ct)), farmer.FarmerId, null),
            _ => null,
        };
    }

    private async Task<Reply> AnswerThenAskAsync(ClaimedMessage m, string text, string question, CancellationToken ct)
    {
        var answer = await answerer.AnswerAsync(m.Sender, text, ct);
        return new($"{answer.Text}\n\n{question}", null, answer.ConversationId);
    }

    private async Task<Reply> OptOutAsync(ClaimedMessage m, Contact? contact, CancellationToken ct)
    {
        var farmer = await answerer.FindAsync(m.Sender, ct);
        if (farmer?.FarmerId is { } id) await registration.WithdrawMessagesAsync(id, ct);
        await ContactStore.OptOutAsync(data, m.Sender, farmer?.FarmerId, m.Id, clock.GetUtcNow(), ct);
        return new(Phrases(farmer?.PreferredLanguage ?? await LanguageAsync(m, contact, ct)).OptedOut, farmer?.FarmerId, null);
    }

    private async Task<Reply?> OptInAsync(ClaimedMessage m, Contact contact, CancellationToken ct)
    {
        if (!await ContactStore.OptInAsync(data, m.Sender, clock.GetUtcNow(), ct)) return null;
        var farmer = await answerer.FindAsync(m.Sender, ct);
        if (farmer?.FarmerId is { } id) await registration.RecordMessagesAsync(id, ct);
        return new(Phrases(farmer?.PreferredLanguage ?? await LanguageAsync(m, contact, ct)).OptedIn, farmer?.FarmerId, null);
    }

    private async Task<string?> LanguageAsync(ClaimedMessage m, Contact? contact, CancellationToken ct) =>
        (await answerer.FindAsync(m.Sender, ct))?.PreferredLanguage ?? contact?.Language ?? CountryLanguages.MainLanguageOf(m.SenderCountry);

    private static OnboardingPhrases Phrases(string? language) => OnboardingPhrases.For(language);

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
