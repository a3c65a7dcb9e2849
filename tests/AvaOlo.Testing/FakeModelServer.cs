using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AvaOlo.Testing;

/// <summary>An audio file the fake server was asked to transcribe, with the form's other fields.</summary>
public sealed record ReceivedAudio(byte[] File, string FileName, string ContentType, string Model, string Language, string ResponseFormat, string Authorization);

internal sealed record FakeTranscript(string Text, string Language, double Duration, int Status);

/// <summary>One scripted reply of the fake model server.</summary>
public abstract record FakeReply
{
    public static FakeReply Text(string content, int promptTokens = 120, int completionTokens = 30) => new TextReply(content, promptTokens, completionTokens);
    public static FakeReply Tool(string name, object? arguments = null) => new ToolReply([(name, JsonSerializer.Serialize(arguments ?? new { }))]);
    /// <summary>Several tool calls in one reply (the protocol's parallel tool calls): each runs, then the model is asked again.</summary>
    public static FakeReply Tools(params (string Name, object? Arguments)[] calls) =>
        new ToolReply([.. calls.Select(c => (c.Name, JsonSerializer.Serialize(c.Arguments ?? new { })))]);
    public static FakeReply Status(int status, string body = "{\"error\":{\"message\":\"scripted failure\"}}") => new StatusReply(status, body);
    public static FakeReply Raw(string body) => new RawReply(body);
    public static FakeReply Delayed(TimeSpan delay, FakeReply then) => new DelayedReply(delay, then);
    /// <summary>Decides from the request (e.g. reads a tool result and answers with its numbers).</summary>
    public static FakeReply From(Func<JsonNode, FakeReply> decide) => new ComputedReply(decide);

    internal sealed record TextReply(string Content, int PromptTokens, int CompletionTokens) : FakeReply;
    internal sealed record ToolReply(IReadOnlyList<(string Name, string Arguments)> Calls) : FakeReply;
    internal sealed record StatusReply(int StatusCode, string Body) : FakeReply;
    internal sealed record RawReply(string Body) : FakeReply;
    internal sealed record DelayedReply(TimeSpan Delay, FakeReply Then) : FakeReply;
    internal sealed record ComputedReply(Func<JsonNode, FakeReply> Decide) : FakeReply;
}

/// <summary>
/// A real HTTP server speaking the OpenAI chat-completions protocol, answering from a script (text, tool calls,
/// errors, delays, garbage), and keeping every request body so tests can read what "the model" was told.
/// It stands in for OpenAI, Ollama or vLLM; nothing of our own code is mocked.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeReply> _script = new();
    private int _ids;

    public FakeModelServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/chat/completions", HandleAsync);
        _app.MapPost("/v1/audio/transcriptions", TranscribeAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
    }

    /// <summary>Give this as OPENAI_BASE_URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Served when the script is empty.</summary>
    public FakeReply Default { get; set; } = FakeReply.Status(500, "{\"error\":{\"message\":\"no scripted reply left\"}}");

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Every image the chat requests carried (image_url content parts), in order (<see cref="FakeModelImages"/>).</summary>
    public ConcurrentQueue<ReceivedImage> Images { get; } = new();

    public FakeModelServer Then(params FakeReply[] replies)
    {
        foreach (var reply in replies) _script.Enqueue(reply);
        return this;
    }

    /// <summary>What POST /v1/audio/transcriptions received, one entry per well-formed request.</summary>
    public ConcurrentQueue<ReceivedAudio> Transcriptions { get; } = new();

    private readonly ConcurrentQueue<FakeTranscript> _transcripts = new();

    /// <summary>The next transcription's result: the words (scripted: the audio itself is real), language and duration; or a failure status.</summary>
    public FakeModelServer ThenTranscript(string text, string language = "slovenian", double duration = 1.5, int status = 200)
    {
        _transcripts.Enqueue(new FakeTranscript(text, language, duration, status));
        return this;
    }

    /// <summary>Everything the server received, as one string: for "this never reached the model" assertions.</summary>
    public string AllReceived => string.Join("\n", Requests);

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(body);
        var request = JsonNode.Parse(body)!;
        // Image content parts are checked as OpenAI checks them, before any scripted reply is used up.
        var (images, invalid) = FakeModelImages.Read(request);
        if (invalid is not null) { await FailAsync(http, 400, invalid); return; }
        foreach (var image in images) Images.Enqueue(image);
        var reply = _script.TryDequeue(out var next) ? next : Default;
        await WriteAsync(http, request, reply);
    }

    // OpenAI's documented shape: multipart/form-data with file and model required, language and response_format optional;
    // verbose_json answers with task, language, duration, text and segments. A malformed request gets OpenAI's 400.
    private async Task TranscribeAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType) { await FailAsync(http, 400, "Expected multipart/form-data"); return; }
        var form = await http.Request.ReadFormAsync();
        var file = form.Files.GetFile("file");
        var model = form["model"].ToString();
        if (file is null || file.Length == 0) { await FailAsync(http, 400, "Missing required parameter: 'file'."); return; }
        if (model.Length == 0) { await FailAsync(http, 400, "Missing required parameter: 'model'."); return; }
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        var format = form["response_format"].ToString();
        Transcriptions.Enqueue(new ReceivedAudio(bytes.ToArray(), file.FileName, file.ContentType, model, form["language"].ToString(), format,
            http.Request.Headers.Authorization.ToString()));
        var next = _transcripts.TryDequeue(out var t) ? t : new FakeTranscript("", "", 0, 500);
        if (next.Status != 200) { await FailAsync(http, next.Status, "scripted transcription failure"); return; }
        var body = format == "verbose_json"
            ? new JsonObject { ["task"] = "transcribe", ["language"] = next.Language, ["duration"] = next.Duration, ["text"] = next.Text, ["segments"] = new JsonArray() }
            : new JsonObject { ["text"] = next.Text };
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString());
    }

    private static async Task FailAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error" } }.ToJsonString());
    }

    private async Task WriteAsync(HttpContext http, JsonNode request, FakeReply reply)
    {
        switch (reply)
        {
            case FakeReply.DelayedReply d:
                try { await Task.Delay(d.Delay, http.RequestAborted); } catch (OperationCanceledException) { return; }
                await WriteAsync(http, request, d.Then);
                return;
            case FakeReply.ComputedReply c:
                await WriteAsync(http, request, c.Decide(request));
                return;
            case FakeReply.StatusReply s:
                http.Response.StatusCode = s.StatusCode;
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(s.Body);
                return;
            case FakeReply.RawReply r:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(r.Body);
                return;
        }
        var id = Interlocked.Increment(ref _ids);
        JsonObject message = reply switch
        {
            FakeReply.TextReply t => new() { ["role"] = "assistant", ["content"] = t.Content },
            FakeReply.ToolReply tool => new()
            {
                ["role"] = "assistant", ["content"] = null,
                ["tool_calls"] = new JsonArray([.. tool.Calls.Select((call, i) => (JsonNode)new JsonObject
                {
                    ["id"] = $"call_{id}_{i}", ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments },
                })]),
            },
            _ => throw new InvalidOperationException($"unknown reply {reply}"),
        };
        var (prompt, completion) = reply is FakeReply.TextReply tr ? (tr.PromptTokens, tr.CompletionTokens) : (100, 10);
        var response = new JsonObject
        {
            ["id"] = $"chatcmpl-{id}", ["object"] = "chat.completion", ["created"] = 1_700_000_000,
            ["model"] = request["model"]?.GetValue<string>() ?? "fake",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0, ["message"] = message, ["finish_reason"] = reply is FakeReply.ToolReply ? "tool_calls" : "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion },
        };
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(response.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
