using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using AvaOlo.AgriculturalCore.Assistant;
using AvaOlo.AgriculturalCore.Assistant.Checks;
using AvaOlo.AgriculturalCore.Assistant.ModelPath;
using AvaOlo.AgriculturalCore.Assistant.Privacy;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace AvaOlo.AgriculturalCore.WhatsApp.Media;

/// <summary>The vision model's reading of a photo, and its call for llm_debug_log (kept whether or not it worked).</summary>
public sealed record PhotoReading(string? Text, ModelCallRecord Call);

/// <summary>
/// Shows a farmer's photo to a vision-capable model (VISION_MODEL, default OPENAI_MODEL, on the assistant's server)
/// as image content (Microsoft.Extensions.AI DataContent with the media type: OpenAI's image_url data URL) beside the
/// caption, and asks for a cautious reading in the farmer's language (<see cref="PhotoPrompt"/>). The caption passes
/// the same redaction as every text to the model; the client shares the assistant's HTTP client, so its timeout,
/// retries and circuit breaker. A failure, a timeout, an empty answer or one that names a dose gives no text: the
/// farmer gets the acknowledgement, and the photo waits for an agronomist either way.
/// </summary>
public sealed class PhotoReader
{
    private readonly ModelClient _model;
    private readonly IChatClient? _client;

    public PhotoReader(ModelClient model, IHttpClientFactory http, FarmerNames names, IOptions<WhatsAppOptions> options)
    {
        _model = model;
        Model = options.Value.VisionModelOr(model.Options.Model);
        if (!model.Options.ModelConfigured) return;
        var transport = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http.CreateClient(ModelClient.HttpClientName)),
            RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = model.Options.Deadline,
        };
        if (model.Options.BaseUrl is not null) transport.Endpoint = model.Options.BaseUrl;
        var chat = new OpenAI.Chat.ChatClient(Model, new ApiKeyCredential(model.Options.ApiKey ?? "not-needed"), transport);
        _client = new RedactingChatClient(chat.AsIChatClient(), names);
    }

    /// <summary>The vision model's name, as logged.</summary>
    public string Model { get; }

    /// <summary>A model is configured and the assistant's breaker is not open.</summary>
    public bool Available => _client is not null && _model.Available;

    public async Task<PhotoReading> ReadAsync(byte[] image, string mediaType, string? caption, string language, string? country, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_model.Options.Deadline);
        try
        {
            var messages = new List<ChatMessage>
            {
                new(ChatRole.System, PhotoPrompt.System(language)),
                new(ChatRole.User, [new TextContent(PhotoPrompt.Question(caption)), new DataContent(image, mediaType)]),
            };
            var options = new ChatOptions { ModelId = Model, Temperature = 0.2f, AdditionalProperties = new() { [RedactingChatClient.RegionKey] = country } };
            var response = await _client!.GetResponseAsync(messages, options, deadline.Token);
            var text = response.Text?.Trim();
            var error = string.IsNullOrEmpty(text) ? "empty answer" : PhotoPrompt.HasDose(text) ? "named a dose: not sent" : null;
            return new(error is null ? text : null, Call(started, response.Usage, error));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return new(null, Call(started, null, ModelCaller.Describe(e, _model.Options.ApiKey)));
        }
    }

    private ModelCallRecord Call(long started, UsageDetails? usage, string? error) =>
        new(Model, "photo", (int?)usage?.InputTokenCount, (int?)usage?.OutputTokenCount, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            error is null, error, 0);
}
