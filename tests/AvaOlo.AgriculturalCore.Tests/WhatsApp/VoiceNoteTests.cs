using System.Diagnostics;
using System.Net;
using System.Text;
using AvaOlo.ChannelStandIns;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>
/// Voice notes over real HTTP: the core fetches the audio from the provider's stand-in (Graph media endpoints with the
/// bearer token; Twilio's media URL with basic auth), sends it to the OpenAI-compatible transcription endpoint of the
/// fake model server, keeps the transcript on the inbox row and answers it like a text. The audio is a real WAV made
/// by espeak-ng; the transcript the fake server returns is scripted.
/// </summary>
public sealed class VoiceNoteTests(TestDatabase database) : WhatsAppTestBase(database)
{
    private const string Question = "Koliko polj imam?";
    protected override bool WithModel => true;

    /// <summary>A real Slovenian voice recording, spoken by espeak-ng (installed by test.sh).</summary>
    internal static async Task<byte[]> SpeakAsync(string text)
    {
        var file = Path.Combine(Path.GetTempPath(), $"avaolo-voice-{Guid.NewGuid():N}.wav");
        var start = new ProcessStartInfo("espeak-ng") { ArgumentList = { "-v", "sl", "-w", file, text }, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("espeak-ng did not start (test.sh installs it)");
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"espeak-ng failed: {await process.StandardError.ReadToEndAsync()}");
        var bytes = await File.ReadAllBytesAsync(file);
        File.Delete(file);
        return bytes;
    }

    private static void AssertWave(byte[] expected, ReceivedAudio received)
    {
        Assert.Equal(expected.Length, received.File.Length);
        Assert.Equal("RIFF", Encoding.ASCII.GetString(received.File, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(received.File, 8, 4));
        Assert.Equal(expected, received.File);
    }

    [Fact]
    public async Task A_voice_note_is_fetched_transcribed_with_the_farmers_language_stored_and_answered_like_text()
    {
        var audio = await SpeakAsync(Question);
        var mediaId = Meta.AddMedia(audio, "audio/wav");
        Model!.ThenTranscript(Question, "slovenian", 1.6).Then(FakeReply.Text("V evidenci imate eno njivo, ki jo obdelujete sami."));
        var wamid = CloudApiPayloads.NewMessageId();
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(CloudApiPayloads.Audio(PhoneNumberId, W.B.Phone, wamid, DateTimeOffset.UtcNow, mediaId))).StatusCode);

        var reply = Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == wamid, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal("V evidenci imate eno njivo, ki jo obdelujete sami.", reply.Text);
        Assert.Equal([mediaId], Meta.MediaServed);
        var sent = Assert.Single(Model.Transcriptions);
        AssertWave(audio, sent);
        Assert.Equal(("whisper-1", "sl", "verbose_json"), (sent.Model, sent.Language, sent.ResponseFormat));
        Assert.Contains(Question, Model.AllReceived, StringComparison.Ordinal); // the words went to the assistant like a text

        await using var db = Database.CreateContext();
        var inbox = await db.WhatsAppInbox.SingleAsync(i => i.ProviderMessageId == wamid);
        Assert.Equal((InboxStates.Answered, "audio", mediaId, Question, "slovenian", 1.6), (inbox.State, inbox.Type, inbox.MediaRef, inbox.Transcript,
            inbox.TranscriptLanguage, inbox.AudioSeconds));
        var exchange = await db.Conversations.SingleAsync(c => c.Id == inbox.ConversationId);
        Assert.Equal((Question, W.B.Id), (exchange.Question, exchange.FarmerId));
    }

    [Fact]
    public async Task A_twilio_voice_note_is_fetched_from_its_media_url_with_basic_auth()
    {
        var audio = await SpeakAsync(Question);
        var url = Twilio.AddMedia(audio, "audio/ogg");
        Model!.ThenTranscript(Question).Then(FakeReply.Text("V evidenci imate eno njivo, ki jo obdelujete sami."));
        var form = TwilioMessage(TwilioStandIn.NewSid(), W.B.Phone, "");
        form.RemoveAll(kv => kv.Key == "NumMedia");
        form.AddRange([new("NumMedia", "1"), new("MediaUrl0", url), new("MediaContentType0", "audio/ogg")]);
        Assert.Equal(HttpStatusCode.OK, (await PostTwilioAsync("/api/v1/twilio/webhook", form)).StatusCode);

        var reply = Assert.Single(await Twilio.WaitForAsync(m => m.To == W.B.Phone, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal("V evidenci imate eno njivo, ki jo obdelujete sami.", reply.Text);
        var sent = Assert.Single(Model.Transcriptions);
        AssertWave(audio, sent);
        Assert.Equal("voice.ogg", sent.FileName);
        Assert.Single(Twilio.MediaServed);
    }

    [Fact]
    public async Task A_voice_note_over_16_mb_is_not_fetched_and_gets_a_polite_reply()
    {
        var mediaId = Meta.AddMedia(new byte[16 * 1024 * 1024 + 1], "audio/ogg");
        var wamid = CloudApiPayloads.NewMessageId();
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(CloudApiPayloads.Audio(PhoneNumberId, W.B.Phone, wamid, DateTimeOffset.UtcNow, mediaId))).StatusCode);
        var reply = Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == wamid, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal("Oprostite, ta datoteka je zame prevelika (največ 16 MB).", reply.Text);
        Assert.Empty(Meta.MediaServed);
        Assert.Empty(Model!.Transcriptions);
    }
}

/// <summary>Without a model there is no one to listen: the farmer is told so, politely, and the note is kept.</summary>
public sealed class VoiceNoteWithoutModelTests(TestDatabase database) : WhatsAppTestBase(database)
{
    [Fact]
    public async Task A_voice_note_gets_a_polite_reply_that_voice_needs_the_advisor_and_is_kept()
    {
        var mediaId = Meta.AddMedia([1, 2, 3], "audio/ogg");
        var wamid = CloudApiPayloads.NewMessageId();
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(CloudApiPayloads.Audio(PhoneNumberId, W.B.Phone, wamid, DateTimeOffset.UtcNow, mediaId))).StatusCode);
        var reply = Assert.Single(await Meta.WaitForAsync(m => m.ReplyTo == wamid, 1, TimeSpan.FromSeconds(60)));
        Assert.StartsWith("Hvala za glasovno sporočilo!", reply.Text, StringComparison.Ordinal);
        Assert.Empty(Meta.MediaServed);
        await using var db = Database.CreateContext();
        var inbox = await db.WhatsAppInbox.SingleAsync(i => i.ProviderMessageId == wamid);
        Assert.Equal((InboxStates.Answered, mediaId, "audio/ogg; codecs=opus"), (inbox.State, inbox.MediaRef, inbox.MediaType));
    }
}
