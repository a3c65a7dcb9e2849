using System.Globalization;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Npgsql;

namespace AvaOlo.MonitoringDashboards.Pages.Agronomic;

/// <summary>
/// What a WhatsApp exchange adds on the workbench: the provider and message type, the voice note's transcript (its
/// language and length) and whether there is media to open. The media itself stays with the provider (Channel/MediaEndpoints).
/// </summary>
public sealed record ChannelExchange(long ConversationId, string Provider, string Type, string? Transcript, string? TranscriptLanguage,
    double? AudioSeconds, bool HasMedia, string? MediaType)
{
    public string ProviderName => Provider == ChannelProviders.Twilio ? "Twilio" : "the Cloud API";

    /// <summary>"voice note (12 s)", "photo", "text"…: what the farmer sent.</summary>
    public string Kind => Type switch
    {
        "audio" or "voice" => AudioSeconds is { } s ? $"voice note ({Math.Round(s).ToString(CultureInfo.InvariantCulture)} s)" : "voice note",
        "image" => "photo",
        _ => Type,
    };

    public string MediaLabel => Type is "audio" or "voice" ? "Listen to the voice note" : Type == "image" ? "Open the photo" : "Open the media";

    /// <summary>The transcript's language as an HTML lang value when it is a language code; null for anything else.</summary>
    public string? Lang => TranscriptLanguage is { Length: 2 or 3 } l && l.All(char.IsAsciiLetterLower) ? l : null;

    /// <summary>The WhatsApp side of these exchanges (the page's items), keyed by conversation id; one query for the page.</summary>
    public static async Task<IReadOnlyDictionary<long, ChannelExchange>> ReadAsync(NpgsqlConnection conn, long[] conversationIds, CancellationToken ct)
    {
        if (conversationIds.Length == 0) return new Dictionary<long, ChannelExchange>();
        var rows = await conn.ListAsync("""
            SELECT DISTINCT ON (conversation_id) conversation_id, provider, type, transcript, transcript_language, audio_seconds, media_ref IS NOT NULL, media_type
            FROM whatsapp_inbox WHERE conversation_id = ANY($1) ORDER BY conversation_id, id
            """, r => new ChannelExchange(r.GetInt64(0), r.GetString(1), r.GetString(2), r.NullableString(3), r.NullableString(4),
                r.IsDBNull(5) ? null : r.GetDouble(5), r.GetBoolean(6), r.NullableString(7)), ct, conversationIds);
        return rows.ToDictionary(x => x.ConversationId);
    }
}
