using System.Globalization;
using System.Text.Json;
using AvaOlo.AgriculturalCore.Assistant.Confirmations;

namespace AvaOlo.AgriculturalCore.WhatsApp.Answering;

/// <summary>One reply button: the id comes back in the farmer's tap, the title is what they see (at most 20 characters).</summary>
public sealed record ReplyButton(string Id, string Title);

/// <summary>
/// The Yes/No buttons under a proposal. Each id names the proposal it answers ("confirm:{id}:yes"), so a tap on an old
/// question's button can never confirm a newer proposal. The titles are yes/no words ConfirmationReply also reads, so a
/// farmer who types the word instead of tapping (and every Twilio farmer, who gets the words in the text) says the same.
/// </summary>
public static class ConfirmButtons
{
    private const string Prefix = "confirm:";

    private static readonly Dictionary<string, (string Yes, string No, string Hint)> Words = new(StringComparer.Ordinal)
    {
        ["en"] = ("Yes", "No", "Reply YES or NO."),
        ["sl"] = ("Da", "Ne", "Odgovorite DA ali NE."),
        ["hr"] = ("Da", "Ne", "Odgovorite DA ili NE."),
        ["sr"] = ("Да", "Не", "Одговорите ДА или НЕ."),
        ["bg"] = ("Да", "Не", "Отговорете ДА или НЕ."),
        ["hu"] = ("Igen", "Nem", "Válaszoljon IGEN vagy NEM szóval."),
        ["de"] = ("Ja", "Nein", "Antworten Sie JA oder NEIN."),
        ["it"] = ("Sì", "No", "Risponda SÌ o NO."),
    };

    public static IReadOnlyList<ReplyButton> For(long proposalId, string? language)
    {
        var w = Pick(language);
        var id = proposalId.ToString(CultureInfo.InvariantCulture);
        return [new($"{Prefix}{id}:yes", w.Yes), new($"{Prefix}{id}:no", w.No)];
    }

    /// <summary>What a Twilio farmer reads instead of buttons (Twilio's WhatsApp API has no free-form reply buttons).</summary>
    public static string Hint(string? language) => Pick(language).Hint;

    /// <summary>The proposal and the answer a button id carries; null for any id that is not ours.</summary>
    public static (long ProposalId, ConfirmationAnswer Answer)? Parse(string? id)
    {
        if (id is null || !id.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var parts = id[Prefix.Length..].Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var proposal) || proposal <= 0) return null;
        return parts[1] switch
        {
            "yes" => (proposal, ConfirmationAnswer.Confirm),
            "no" => (proposal, ConfirmationAnswer.Decline),
            _ => null,
        };
    }

    public static string ToJson(IReadOnlyList<ReplyButton> buttons) =>
        JsonSerializer.Serialize(buttons.Select(b => new { id = b.Id, title = b.Title }));

    private static (string Yes, string No, string Hint) Pick(string? language) =>
        language is not null && Words.TryGetValue(language, out var w) ? w : Words["en"];
}
