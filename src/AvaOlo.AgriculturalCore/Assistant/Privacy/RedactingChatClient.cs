using System.Text.Json;
using AvaOlo.AgriculturalCore.Assistant.Checks;
using Microsoft.Extensions.AI;

namespace AvaOlo.AgriculturalCore.Assistant.Privacy;

/// <summary>
/// The last stop before the model server, under the function-invoking client: EVERY model call — the first, each
/// round after a tool ran, the corrective retry — passes through here, and every message's text and every tool
/// result is redacted of phone numbers, e-mail, VAT and IBAN numbers and known farmers' names
/// (<see cref="PersonalData"/>). Farmers write such things into field names and notes ("Ivan Horvat 091 234 5678");
/// they never reach an external model, not even as the asker's own. Our system instructions hold no records and
/// pass as they are.
/// </summary>
public sealed class RedactingChatClient(IChatClient inner, FarmerNames names) : DelegatingChatClient(inner)
{
    /// <summary>ChatOptions.AdditionalProperties key for the farmer's country (phone numbers without "+" are read as its).</summary>
    public const string RegionKey = "avaolo.region";

    /// <summary>ChatOptions.AdditionalProperties key for the asking farmer's id: their own name must be in the index.</summary>
    public const string AskerKey = "avaolo.asker";

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (redacted, clean) = await RedactAsync(messages, options, cancellationToken);
        return await base.GetResponseAsync(redacted, clean, cancellationToken);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (redacted, clean) = await RedactAsync(messages, options, cancellationToken);
        await foreach (var update in base.GetStreamingResponseAsync(redacted, clean, cancellationToken)) yield return update;
    }

    private async Task<(List<ChatMessage>, ChatOptions?)> RedactAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken ct)
    {
        string? region = null;
        int? asker = null;
        if (options?.AdditionalProperties is { } extra && (extra.ContainsKey(RegionKey) || extra.ContainsKey(AskerKey)))
        {
            region = extra.TryGetValue(RegionKey, out var value) ? value as string : null;
            asker = extra.TryGetValue(AskerKey, out var id) ? id as int? : null;
            // Ours, not the model server's: they do not travel on.
            options = options.Clone();
            options.AdditionalProperties!.Remove(RegionKey);
            options.AdditionalProperties.Remove(AskerKey);
        }
        var finder = (await names.IndexAsync(asker, ct)).Finder();
        return ([.. messages.Select(m => Redact(m, region, finder))], options);
    }

    public static ChatMessage Redact(ChatMessage message, string? region, INameFinder names)
    {
        if (message.Role == ChatRole.System) return message;
        var contents = message.Contents.Select(c => c switch
        {
            TextContent text => new TextContent(PersonalData.Redact(text.Text, region, names)),
            FunctionResultContent result => new FunctionResultContent(result.CallId, PersonalData.Redact(AsText(result.Result), region, names)),
            _ => c,
        }).ToList();
        // A new message without the provider's raw form, which would still carry the original text.
        return new ChatMessage(message.Role, contents) { AuthorName = message.AuthorName, MessageId = message.MessageId };
    }

    private static string AsText(object? result) => result switch
    {
        null => "null",
        string s => s,
        JsonElement e => e.GetRawText(),
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions),
    };
}
