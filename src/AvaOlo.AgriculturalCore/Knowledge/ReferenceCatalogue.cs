using System.Collections.Concurrent;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Knowledge;

/// <summary>
/// The product catalogue and its per-country rules, kept for a minute. They are reference data, written only by
/// `avaolo migrate`, yet every pre-harvest question read both (all materials, then the country's rules): two round
/// trips and a folding of every product name per question. A catalogue change shows within <see cref="Lifetime"/>.
/// </summary>
public sealed class ReferenceCatalogue(NpgsqlDataSource data, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>A catalogue product with the folded first word of its name, which questions are matched against.</summary>
    public sealed record Material(MaterialFact Fact, string? FirstWord);

    private sealed record Entry<T>(T Value, DateTimeOffset At);

    private Entry<List<Material>>? _materials;
    private readonly ConcurrentDictionary<string, Entry<List<RuleFact>>> _rules = new(StringComparer.Ordinal);

    public async Task<List<Material>> MaterialsAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _materials) is { } known && Fresh(known.At)) return known.Value;
        var rows = await Sql.ListAsync(data, KnowledgeSql.Materials, static r => new MaterialFact(r.GetInt32(0), r.GetString(1), r.GetString(2)), ct);
        var materials = rows.Select(m => new Material(m, TextMatch.Words(m.Name).FirstOrDefault())).ToList();
        Volatile.Write(ref _materials, new(materials, clock.GetUtcNow()));
        return materials;
    }

    /// <summary>Every rule in one country, in catalogue order. Callers filter; the list is shared and never changed.</summary>
    public async Task<List<RuleFact>> RulesAsync(string country, CancellationToken ct)
    {
        if (_rules.TryGetValue(country, out var known) && Fresh(known.At)) return known.Value;
        var rules = await Sql.ListAsync(data, KnowledgeSql.RulesInCountry, static r => new RuleFact(r.GetString(0), r.GetString(1), r.GetString(2),
            r.Nullable<int>(3), r.Nullable<int>(4), r.Nullable<decimal>(5), r.Nullable<decimal>(6), r.NullableString(7)), ct, country);
        // Country codes come from farmers and requests (two letters, validated): a bounded set of keys.
        _rules[country] = new(rules, clock.GetUtcNow());
        return rules;
    }

    private bool Fresh(DateTimeOffset at) => clock.GetUtcNow() - at < Lifetime;
}
