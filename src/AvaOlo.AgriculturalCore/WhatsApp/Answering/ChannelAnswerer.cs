using System.Security.Cryptography;
using System.Text;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.AgriculturalCore.Assistant;
using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using Npgsql;
using AvaOlo.Data;

namespace AvaOlo.AgriculturalCore.WhatsApp.Answering;

/// <summary>The answer to one text, and who asked: the stored exchange (conversations.id) and the farmer, if known.</summary>
public sealed record ChannelAnswer(string Text, string Language, int? FarmerId, long ConversationId);

/// <summary>
/// The one place where a WhatsApp text becomes an assistant question. The asker is the sender's number, which the
/// provider's signature vouches for — never anything the message says. A known farmer's number asks as that farmer;
/// an unknown number is answered as the query API answers an unknown phone: the number's country, no records.
/// All of one sender's messages form one thread, so the model sees the last exchanges (a "yes" that confirms).
/// </summary>
public sealed class ChannelAnswerer(NpgsqlDataSource data, QueryPipeline pipeline)
{
    public const string Channel = "whatsapp";

    private const string ByPhone =
        "SELECT id, country_code, preferred_language, records_version FROM farmers WHERE phone = $1 AND deleted_at IS NULL";

    public async Task<ChannelAnswer> AnswerAsync(string senderE164, string text, CancellationToken ct)
    {
        var question = text.Length > QueryRules.MaxQueryLength ? text[..QueryRules.MaxQueryLength] : text;
        var (q, errors) = QueryRules.Validate(new QueryRequest(question, null, senderE164, null, null, ThreadOf(senderE164)));
        if (q is null) throw new InvalidOperationException($"the stored message cannot be asked: {string.Join("; ", errors.ToDictionary().Select(e => e.Key))}");
        var asker = await FindAsync(q.Phone!, ct) ?? new Asker(null, q.PhoneCountry, null, 0);
        var response = await pipeline.AnswerAsync(asker, q, Channel, ct);
        return new(response.Response, response.Language, asker.FarmerId, response.Metadata.ExchangeId);
    }

    /// <summary>The farmer a number belongs to (for replies that do not go through the assistant), or null.</summary>
    public async Task<Asker?> FindAsync(string phone, CancellationToken ct) =>
        (await Sql.ListAsync(data, ByPhone, static r => new Asker(r.GetInt32(0), r.NullableString(1), r.NullableString(2), r.GetInt64(3)), ct, phone))
        .FirstOrDefault();

    /// <summary>A stable thread per sender: the same number always continues the same conversation.</summary>
    public static Guid ThreadOf(string senderE164) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("whatsapp:" + senderE164)).AsSpan(0, 16));
}
