namespace AvaOlo.AgriculturalCore.WhatsApp.Outbox;

public enum SendMode { FreeText, Template, Skip }

public sealed record SendDecision(SendMode Mode, string? Reason);

/// <summary>
/// WhatsApp's customer-service window: free text may go out only within 24 hours of the farmer's last message.
/// Outside it, an approved template if one is configured for the provider, else nothing (and the row says why).
/// </summary>
public static class ServiceWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    public static SendDecision Decide(DateTimeOffset? lastInbound, DateTimeOffset now, bool templateAvailable)
    {
        if (lastInbound is { } last && now - last < Length) return new(SendMode.FreeText, null);
        var why = lastInbound is null ? "the farmer has never written to us" : $"the farmer's last message was {(now - lastInbound.Value).TotalHours:0.#} h ago";
        return templateAvailable
            ? new(SendMode.Template, $"outside the 24-hour window ({why}): sent as the approved template")
            : new(SendMode.Skip, $"outside the 24-hour window ({why}) and no approved template is configured");
    }
}
