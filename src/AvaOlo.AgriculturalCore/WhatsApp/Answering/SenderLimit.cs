using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.AgriculturalCore.WhatsApp.Inbox;
using AvaOlo.AgriculturalCore.WhatsApp.Onboarding;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AvaOlo.AgriculturalCore.WhatsApp.Answering;

/// <summary>
/// The per-farmer limit (RATE_LIMIT_PER_FARMER_PER_MINUTE) on WhatsApp: each message is charged to its sender — the
/// farmer, or the unknown number — through the API's own limiter (the same partition as the farmer's API calls, shared
/// over Redis when configured), never to the provider's gateway, whose webhook is not limited. Over the limit a message
/// is kept and marked (review_flag rate_limited), not answered; the first such message in a minute gets one polite
/// notice in the farmer's language, the rest none. An opt-out word always passes.
/// </summary>
public sealed class SenderLimit(IOptions<RateLimiterOptions> limiter, IServiceProvider services, NpgsqlDataSource data, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private const string Told =
        "SELECT EXISTS (SELECT 1 FROM whatsapp_inbox WHERE sender = $1 AND review_flag = '" + InboxReviewFlags.RateLimited + "' AND processed_at >= $2 AND id <> $3)";

    /// <summary>Null when the message may be answered; else the (possibly empty) notice, flagged rate_limited.</summary>
    public async Task<Reply?> RefuseAsync(ClaimedMessage m, Asker asker, CancellationToken ct)
    {
        if (OptOutWords.Classify(m.Text) != OptWord.None || limiter.Value.GlobalLimiter is not { } global) return null;
        // The limiter partitions requests; this message stands in as one on the API, charged to its sender.
        var request = new DefaultHttpContext { RequestServices = services };
        request.Request.Path = "/api/v1/whatsapp/webhook";
        request.Items[FarmerRateLimiting.ResolvedPartition] = asker.Subject;
        using (var lease = await global.AcquireAsync(request, 1, ct))
            if (lease.IsAcquired) return null;
        await using var cmd = Sql.Command(data, Told, m.Sender, clock.GetUtcNow() - Window, m.Id);
        var told = await cmd.ExecuteScalarAsync(ct) is true;
        var notice = told ? "" : Notice(ReplyComposer.LanguageOf(asker.PreferredLanguage, asker.CountryCode ?? m.SenderCountry));
        return new(notice, asker.FarmerId, null, ReviewFlag: InboxReviewFlags.RateLimited);
    }

    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["en"] = "You have sent many messages in a short time. Please wait a minute, then write again: your messages are saved, but I cannot answer each one now.",
        ["sl"] = "V kratkem času ste poslali veliko sporočil. Prosim, počakajte minuto in nato pišite znova: vaša sporočila so shranjena, a na vsako zdaj ne morem odgovoriti.",
        ["hr"] = "U kratkom ste vremenu poslali mnogo poruka. Molim vas, pričekajte minutu pa pišite ponovno: vaše su poruke spremljene, ali sada ne mogu odgovoriti na svaku.",
        ["sr"] = "За кратко време сте послали много порука. Молим вас, сачекајте минут па пишите поново: ваше поруке су сачуване, али сада не могу да одговорим на сваку.",
        ["bg"] = "Изпратихте много съобщения за кратко време. Моля, изчакайте минута и пишете отново: съобщенията ви са запазени, но сега не мога да отговоря на всяко.",
        ["hu"] = "Rövid idő alatt sok üzenetet küldött. Kérem, várjon egy percet, majd írjon újra: az üzenetei el vannak mentve, de most nem tudok mindegyikre válaszolni.",
        ["de"] = "Sie haben in kurzer Zeit viele Nachrichten gesendet. Bitte warten Sie eine Minute und schreiben Sie dann erneut: Ihre Nachrichten sind gespeichert, aber ich kann jetzt nicht auf jede antworten.",
        ["it"] = "Ha inviato molti messaggi in poco tempo. Attenda un minuto e poi scriva di nuovo: i suoi messaggi sono salvati, ma ora non posso rispondere a ciascuno.",
    };

    public static string Notice(string? language) => Notices.GetValueOrDefault(language ?? "en", Notices["en"]);
}
