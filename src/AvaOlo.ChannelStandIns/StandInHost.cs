using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AvaOlo.ChannelStandIns;

/// <summary>A message a stand-in accepted for delivery to a farmer. ReplyTo is the inbound message it answers (Meta's context.message_id).</summary>
public sealed record ReceivedMessage(string Id, string To, string Type, string? Text, string? ReplyTo, string Raw, DateTimeOffset At);

/// <summary>
/// What both stand-ins share: a Kestrel server on a real port, the messages received, scripted failures (the next
/// sends answer with these HTTP statuses), and an inspection route for `avaolo whatsapp send`:
/// GET /_standin/messages?reply_to=ID or ?to=+E164 lists what was received.
/// </summary>
public abstract class StandInHost : IAsyncDisposable
{
    private readonly ConcurrentQueue<int> _failures = new();
    private WebApplication _app = null!;
    protected static readonly HttpClient Callbacks = new() { Timeout = TimeSpan.FromSeconds(10) };

    public ConcurrentQueue<ReceivedMessage> Received { get; } = new();

    /// <summary>Files the provider holds for received messages (voice notes, photos), by id: see AddMedia.</summary>
    protected ConcurrentDictionary<string, (byte[] Bytes, string MimeType)> Media { get; } = new();

    /// <summary>The ids of media files downloaded (with the right credentials), in order.</summary>
    public ConcurrentQueue<string> MediaServed { get; } = new();

    /// <summary>Where it listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Statuses (sent, delivered, read) are posted back to the service's webhook after each accepted message.</summary>
    public bool SendStatuses { get; set; } = true;

    /// <summary>The next sends fail with these HTTP statuses, in order.</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var s in statuses) _failures.Enqueue(s);
    }

    protected bool TryNextFailure(out int status) => _failures.TryDequeue(out status);

    protected async Task StartAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        Map(_app);
        _app.MapGet("/_standin/messages", (string? reply_to, string? to) =>
            TypedResults.Json(Received.Where(m => (reply_to is null || m.ReplyTo == reply_to) && (to is null || m.To == to))
                .Select(m => new { id = m.Id, to = m.To, type = m.Type, text = m.Text, reply_to = m.ReplyTo, at = m.At })));
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    protected abstract void Map(WebApplication app);

    /// <summary>Waits until <paramref name="count"/> messages match, or the time is up; returns those received.</summary>
    public async Task<List<ReceivedMessage>> WaitForAsync(Func<ReceivedMessage, bool> match, int count, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until && Received.Count(match) < count) await Task.Delay(50);
        return Received.Where(match).ToList();
    }

    /// <summary>Fire and forget, as a provider's callbacks are: a failure here is the service's to notice.</summary>
    protected static void Later(Func<Task> callback) => _ = Task.Run(async () =>
    {
        try { await callback(); } catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
    });

    public async Task RunUntilAsync(CancellationToken ct) => await _app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
