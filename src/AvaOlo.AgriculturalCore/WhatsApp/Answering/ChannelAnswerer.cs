using System.Security.Cryptography;
using System.Text;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.AgriculturalCore.Assistant;
using AvaOlo.AgriculturalCore.Assistant.Confirmations;
using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using Npgsql;
using AvaOlo.Data;

namespace AvaOlo.AgriculturalCore.WhatsApp.Answering;

/// <summary>The answer to one text, and who asked: the stored exchange (conversations.id, none when refused) and the farmer, if known.</summary>
/// <param name="Proposal">A change the answer asks the farmer to confirm (the reply carries Yes/No buttons for it).</param>
/// <param name="OverLimit">The question was refused because the asker is over a limit (the day's model budget).</param>
public sealed record ChannelAnswer(string Text, string? Language, int? FarmerId, long? ConversationId, PendingConfirmation? Proposal = null,
    bool OverLimit = false);

/// <summary>
/// The one place where a WhatsApp text becomes an assistant question. The asker is the sender's number, which the
/// provider's signature vouches for — never anything the message says. A known farmer's number asks as that farmer,
/// with a farmer's rights over their own records (changes are proposed and wait for their "yes"); an unknown number is
/// answered as the query API answers an unknown phone: the number's country, no records. All of one asker's messages
/// form one thread, so the model sees the last exchanges and a "yes" confirms what was proposed.
/// </summary>
public sealed class ChannelAnswerer(NpgsqlDataSource data, QueryPipeline pipeline)
{
    public const string Channel = "whatsapp";

    /// <param name="explicitAnswer">A tapped Yes/No button, already checked to answer the thread's open proposal.</param>
    public async Task<ChannelAnswer> AnswerAsync(string senderE164, string text, CancellationToken ct, ConfirmationAnswer? explicitAnswer = null)
    {
        var asker = await FindOrUnknownAsync(senderE164, ct);
        var question = text.Length > QueryRules.MaxQueryLength ? text[..QueryRules.MaxQueryLength] : text;
        var (q, errors) = QueryRules.Validate(new QueryRequest(question, null, senderE164, null, null, ThreadOf(asker)));
        if (q is null) throw new InvalidOperationException($"the stored message cannot be asked: {string.Join("; ", errors.ToDictionary().Select(e => e.Key))}");
        return await pipeline.AnswerAsync(Asking.ForSender(asker, Channel), q, ct, explicitAnswer) switch
        {
            AskOutcome.Answered a => new(a.Response.Response, a.Response.Language, asker.FarmerId, a.Response.Metadata.ExchangeId,
                a.Response.Metadata.PendingConfirmation),
            // A refusal (the day's model budget spent, say) is told to the farmer in their language, not retried.
            AskOutcome.Refused r => new(r.Detail, r.Language, asker.FarmerId, null, OverLimit: r.Status == 429),
            var other => throw new InvalidOperationException($"unexpected outcome {other.GetType().Name}"),
        };
    }

    /// <summary>The asker a number stands for: a farmer, or an unknown phone with the number's country.</summary>
    public Task<Asker> AskerAsync(string phone, CancellationToken ct) => FindOrUnknownAsync(phone, ct);

    /// <summary>The farmer a number belongs to (for replies that do not go through the assistant), or null.</summary>
    public async Task<Asker?> FindAsync(string phone, CancellationToken ct) =>
        await FindOrUnknownAsync(phone, ct) is { FarmerId: not null } farmer ? farmer : null;

    private Task<Asker> FindOrUnknownAsync(string phone, CancellationToken ct) =>
        AskerResolver.ForPhoneAsync(data, phone, Phones.Parse(phone).Country, ct);

    /// <summary>
    /// A stable thread per asker: the same number keeps one conversation. It is keyed by the asker, not the number, so
    /// a number that becomes a registered farmer starts a new thread (the old one was an unknown phone's).
    /// </summary>
    public static Guid ThreadOf(Asker asker) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("whatsapp:" + asker.Subject)).AsSpan(0, 16));
}
