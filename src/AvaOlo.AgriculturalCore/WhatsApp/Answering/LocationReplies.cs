using System.Globalization;
using System.Text.Json;
using AvaOlo.AgriculturalCore.Assistant.Confirmations;
using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using AvaOlo.AgriculturalCore.Assistant.Matching;
using AvaOlo.AgriculturalCore.WhatsApp.Inbox;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.WhatsApp.Answering;

/// <summary>
/// A shared location becomes a proposal to set a field's centroid, carried out only after the farmer's yes (button or
/// word), like any other change to their records. The field is the farmer's only field, or the one named in the
/// location's name or in their message just before; otherwise the farmer is asked which field it is.
/// </summary>
public sealed class LocationReplies(IDbContextFactory<AvaOloDbContext> contexts, Proposals proposals, PendingReports reports, TimeProvider clock)
{
    /// <summary>How far back a message naming the field counts ("Velika njiva" and then the pin).</summary>
    private static readonly TimeSpan Recent = TimeSpan.FromMinutes(30);

    public async Task<Reply> ProposeAsync(ClaimedMessage m, Asker farmer, CancellationToken ct)
    {
        if (Coordinates(m.Payload) is not { } at) return await KeepAsync(farmer, "[location]", ChannelPhrases.TextOnly, ct);
        var question = string.Create(CultureInfo.InvariantCulture, $"[location {at.Latitude:0.######}, {at.Longitude:0.######}] {at.Name}").Trim();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var fields = await db.Fields.AsNoTracking().Where(f => f.FarmerId == farmer.FarmerId).OrderBy(f => f.Id).Select(f => new FieldName(f.Id, f.Name)).ToListAsync(ct);
        var since = clock.GetUtcNow() - Recent;
        var before = await db.WhatsAppInbox.AsNoTracking().Where(i => i.Provider == m.Provider && i.Sender == m.Sender && i.Id < m.Id && i.ReceivedAt > since)
            .OrderByDescending(i => i.Id).Select(i => i.Text ?? i.Transcript).FirstOrDefaultAsync(ct);
        if (Pick(fields, at.Name, before) is not { } field) return await KeepAsync(farmer, question, ChannelPhrases.WhichField, ct);

        var place = string.Create(CultureInfo.InvariantCulture, $"{at.Latitude:0.#####}, {at.Longitude:0.#####}");
        // The exchange is stored first: it opens the thread in which the farmer's yes is read.
        var asked = await reports.KeepAsync(farmer, question, l => ChannelPhrases.LocationQuestion(l, field.Name, place), ct);
        var proposal = await proposals.ProposeAsync(Asking.ForSender(farmer, ChannelAnswerer.Channel), ChannelAnswerer.ThreadOf(farmer), PendingActionKinds.SetLocation,
            new SetLocationProposal(field.Id, field.Name, at.Latitude, at.Longitude), $"{field.Name} – {place}", ct);
        return new(asked.Text, farmer.FarmerId, asked.ConversationId, ConfirmButtons.For(proposal.Id, asked.Language), ConfirmButtons.Hint(asked.Language));
    }

    private async Task<Reply> KeepAsync(Asker farmer, string question, Func<string?, (string, string)> phrase, CancellationToken ct)
    {
        var kept = await reports.KeepAsync(farmer, question, phrase, ct);
        return new(kept.Text, farmer.FarmerId, kept.ConversationId);
    }

    public sealed record FieldName(int Id, string Name);

    /// <summary>The farmer's only field, or the one field named in the location's name or the message before; else none.</summary>
    public static FieldName? Pick(IReadOnlyList<FieldName> fields, string? locationName, string? before)
    {
        if (fields.Count == 1) return fields[0];
        foreach (var text in new[] { locationName, before })
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var words = TextMatch.Words(text);
            var named = fields.Where(f => TextMatch.Mentions(words, f.Name)).ToList();
            if (named.Count == 1) return named[0];
        }
        return null;
    }

    /// <summary>Latitude and longitude (and the place's name) from Meta's location object or Twilio's Latitude/Longitude fields.</summary>
    public static (double Latitude, double Longitude, string? Name)? Coordinates(string? payload)
    {
        if (string.IsNullOrEmpty(payload)) return null;
        try
        {
            using var doc = JsonDocument.Parse(payload);
            var root = doc.RootElement;
            var (lat, lon, name) = root.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object
                ? (Number(l, "latitude"), Number(l, "longitude"), l.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null)
                : (Number(root, "Latitude"), Number(root, "Longitude"), root.TryGetProperty("Address", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null);
            return lat is >= -90 and <= 90 && lon is >= -180 and <= 180 ? (lat.Value, lon.Value, name) : null;
        }
        catch (JsonException) { return null; }
    }

    private static double? Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ValueKind switch
    {
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
        _ => null,
    } : null;
}
