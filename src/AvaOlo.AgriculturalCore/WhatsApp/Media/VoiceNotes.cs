using AvaOlo.AgriculturalCore.WhatsApp.Inbox;
using Npgsql;

namespace AvaOlo.AgriculturalCore.WhatsApp.Media;

/// <summary>What became of a voice note: its words, or the polite reason there are none.</summary>
public abstract record VoiceOutcome
{
    public sealed record Heard(string Text) : VoiceOutcome;
    public sealed record NoAdvisor : VoiceOutcome;
    public sealed record TooBig : VoiceOutcome;
    public sealed record Silent : VoiceOutcome;
}

/// <summary>
/// A voice note's words: fetched from the provider (at most 16 MB), transcribed with the farmer's language as the hint,
/// and kept on the inbox row (transcript, its language, the audio's length) before the words are answered like a text.
/// A download or transcription failure throws: the inbox retries the message and, in the end, marks it failed with one
/// apology — the message is never lost.
/// </summary>
public sealed class VoiceNotes(MediaFetcher fetcher, Transcriber transcriber, NpgsqlDataSource data)
{
    public async Task<VoiceOutcome> HearAsync(ClaimedMessage m, string? language, CancellationToken ct)
    {
        if (m.Transcript is { Length: > 0 } kept) return new VoiceOutcome.Heard(kept); // transcribed on an earlier attempt
        if (!transcriber.Available) return new VoiceOutcome.NoAdvisor();
        if (m.MediaRef is null) throw new InvalidOperationException("the voice note names no media to fetch");
        var file = await fetcher.FetchAsync(m.Provider, m.MediaRef, ct);
        if (file is not MediaFile.Fetched audio) return new VoiceOutcome.TooBig();
        var transcript = await transcriber.TranscribeAsync(audio.Bytes, m.MediaType ?? audio.MimeType, language, ct);
        await InboxWork.SaveTranscriptAsync(data, m.Id, transcript.Text, transcript.Language, transcript.Seconds, ct);
        return transcript.Text.Length == 0 ? new VoiceOutcome.Silent() : new VoiceOutcome.Heard(transcript.Text);
    }
}
