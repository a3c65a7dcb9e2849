using System.Security.Cryptography;
using System.Text;
using AvaOlo.AgriculturalCore.Assistant.Checks;
using Microsoft.Extensions.Caching.Hybrid;

namespace AvaOlo.AgriculturalCore.Assistant.Exchanges;

/// <summary>
/// Immutable (nothing changes a cached answer after it is made), so HybridCache keeps the instance in memory instead
/// of serializing it on every store and deserializing a copy on every hit; with Redis it still serializes for L2.
/// </summary>
[System.ComponentModel.ImmutableObject(true)]
public sealed record CachedAnswer(string Text, string Language, IReadOnlyList<AnswerSource> Sources, IReadOnlyList<CheckResult> Checks, string? Model, int ToolCalls)
{
    public static CachedAnswer From(CheckedAnswer a) =>
        new(a.Answer.Text, a.Answer.Language, [.. a.Answer.Sources], [.. a.Checks], a.Answer.Model, a.Answer.ToolCalls);

    public CheckedAnswer ToCheckedAnswer() => new(new AssistantAnswer(Text, Language, Sources, ToolCalls, Model), Checks);
}

/// <summary>
/// Answers cached by farmer, farmer-data version, day, language, country and normalised question. Any change to
/// the farmer's records bumps farmers.records_version (in the same transaction), so old answers are never served.
/// </summary>
public sealed class AnswerCache(HybridCache cache)
{
    private static readonly HybridCacheEntryOptions ReadOnly = new() { Flags = HybridCacheEntryFlags.DisableUnderlyingData };
    private static readonly HybridCacheEntryOptions Store = new() { Expiration = TimeSpan.FromHours(6), LocalCacheExpiration = TimeSpan.FromMinutes(30) };

    public static string Key(Asker asker, string? country, string language, DateOnly today, string query)
    {
        // Per asker: an unknown phone's answers are its own too (its Subject is a hash of the number), never a shared bucket.
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(QueryRules.Normalize(query))))[..32];
        return $"answer:v2:{asker.Subject}:{asker.RecordsVersion}:{today:yyyyMMdd}:{language}:{country ?? "xx"}:{hash}";
    }

    public ValueTask<CachedAnswer?> GetAsync(string key, CancellationToken ct) =>
        cache.GetOrCreateAsync<CachedAnswer?>(key, static _ => ValueTask.FromResult<CachedAnswer?>(null), ReadOnly, cancellationToken: ct);

    public ValueTask SetAsync(string key, CachedAnswer answer, CancellationToken ct) => cache.SetAsync(key, answer, Store, cancellationToken: ct);
}
