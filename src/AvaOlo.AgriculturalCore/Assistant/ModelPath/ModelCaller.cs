using System.Diagnostics;
using AvaOlo.AgriculturalCore.Assistant.Checks;
using Microsoft.Extensions.AI;

namespace AvaOlo.AgriculturalCore.Assistant.ModelPath;

/// <summary>One model call's outcome, for llm_debug_log: always produced, whether the call worked or not.</summary>
public sealed record ModelCallRecord(string Model, string Purpose, int? PromptTokens, int? CompletionTokens, int LatencyMs, bool Success,
    string? Error, int ToolCalls, IReadOnlyList<CheckResult>? Checks = null);

/// <summary>
/// Asks the model, with the farmer's tools, for an answer. Exceptions never escape: a failure, a timeout or an
/// empty answer comes back as a record with Success = false so the pipeline can fall back to the rule-based answer.
/// </summary>
public sealed partial class ModelCaller(ModelClient model)
{
    public AssistantOptions Options => model.Options;

    /// <inheritdoc cref="ModelClient.Available"/>
    public bool Available => model.Available;

    public async Task<(string? Text, ModelCallRecord Record)> AskAsync(
        AssistantRequest request, IReadOnlyList<ChatMessage> history, FarmTools? tools, string? correction, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var purpose = correction is null ? "answer" : "corrective_retry";
        var messages = new List<ChatMessage> { new(ChatRole.System, SystemPrompt.Build(request.Language, request.CountryCode, request.Today, tools is not null)) };
        messages.AddRange(history);
        messages.Add(new(ChatRole.User, request.Question));
        if (correction is not null) messages.Add(new(ChatRole.System, correction));
        var toolCallsBefore = tools?.Calls ?? 0;
        try
        {
            var options = new ChatOptions
            {
                ModelId = model.Options.Model, Tools = tools?.Functions, Temperature = 0.2f,
                AdditionalProperties = new()
                {
                    [Privacy.RedactingChatClient.RegionKey] = request.CountryCode, [Privacy.RedactingChatClient.AskerKey] = request.FarmerId,
                },
            };
            var response = await model.Client!.GetResponseAsync(messages, options, ct);
            var text = response.Text?.Trim();
            var record = Record(purpose, started, response.Usage, success: !string.IsNullOrEmpty(text),
                string.IsNullOrEmpty(text) ? "empty answer" : null, (tools?.Calls ?? 0) - toolCallsBefore);
            return (string.IsNullOrEmpty(text) ? null : text, record);
        }
        catch (Exception e)
        {
            // Timeouts, HTTP errors, an open circuit, malformed output: all mean "answer offline", never a 500.
            return (null, Record(purpose, started, null, success: false, Describe(e, model.Options.ApiKey), (tools?.Calls ?? 0) - toolCallsBefore));
        }
    }

    private ModelCallRecord Record(string purpose, long started, UsageDetails? usage, bool success, string? error, int toolCalls) =>
        new(model.Options.Model, purpose, (int?)usage?.InputTokenCount, (int?)usage?.OutputTokenCount,
            (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds, success, error, toolCalls);

    /// <summary>A short reason safe to store and log: exception type and message, never the key or a request body.</summary>
    public static string Describe(Exception e, string? apiKey)
    {
        var message = e is OperationCanceledException ? "timed out" : e.Message;
        // Model servers echo a rejected key in their error ("Incorrect API key provided: sk-…"): never pass it on.
        if (!string.IsNullOrEmpty(apiKey)) message = message.Replace(apiKey, "[redacted]", StringComparison.Ordinal);
        message = KeyLike().Replace(message, "[redacted]");
        if (message.Length > 300) message = message[..300];
        return $"{e.GetType().Name}: {message}";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bsk-[A-Za-z0-9_\-*]{8,}")]
    private static partial System.Text.RegularExpressions.Regex KeyLike();
}
