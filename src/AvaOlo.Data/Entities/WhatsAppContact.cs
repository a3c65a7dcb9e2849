namespace AvaOlo.Data.Entities;

/// <summary>
/// A WhatsApp number's standing with us, one row per number (E.164), whichever provider it wrote through: where its
/// onboarding conversation is, and whether it opted out of our messages. Any instance may take the number's next
/// message, so this lives here rather than in memory. Name and farm name are held only while onboarding asks for them:
/// they move to the farmer row on consent and are cleared on refusal.
/// </summary>
public sealed class WhatsAppContact
{
    public long Id { get; set; }
    public required string Phone { get; set; }
    /// <summary><see cref="OnboardingSteps"/>.</summary>
    public required string Step { get; set; }
    /// <summary>The language the conversation is in (ISO 639-1).</summary>
    public string? Language { get; set; }
    public string? Name { get; set; }
    public string? FarmName { get; set; }
    /// <summary>The farmer onboarding created (or the farmer who opted out).</summary>
    public int? FarmerId { get; set; }
    /// <summary>The inbox message that last moved the conversation: a message processed twice moves it once.</summary>
    public long LastInboxId { get; set; }
    public DateTimeOffset? RefusedAt { get; set; }
    public DateTimeOffset? OptedOutAt { get; set; }
    /// <summary>The "STOP" message whose confirmation is the one message still sent after opting out.</summary>
    public long? OptOutInboxId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public static class OnboardingSteps
{
    public const string AskName = "ask_name";
    public const string AskFarm = "ask_farm";
    public const string AskConsent = "ask_consent";
    public const string Refused = "refused";
    public const string Registered = "registered";
    /// <summary>A number that only opted out or in (a registered farmer's, say): no onboarding of its own.</summary>
    public const string None = "none";
}
