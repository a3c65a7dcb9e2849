using System.Collections.Concurrent;
using AvaOlo.AgriculturalCore.Assistant.Matching;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Assistant.Catalogue;

/// <summary>
/// The product catalogue and its per-country rules, kept for a minute. They are reference data, written only by
/// `avaolo migrate`, yet every pre-harvest question read both (all materials, then the country's rules): two round
/// trips and a folding of every product name per question. A catalogue change shows within <see cref="Lifetime"/>.
/// </summary>
public sealed class ReferenceCatalogue(NpgsqlDataSource data, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>A catalogue product with its name's words in Latin letters (TextMatch.LatinWords), made once per load.</summary>
    public sealed record Material(MaterialFact Fact, string[] Words)
    {
        /// <summary>The first word, which questions are matched against ("Prosaro" for "Prosaro 250 EC").</summary>
        public string? FirstWord => Words.FirstOrDefault();
    }

    private sealed record Entry<T>(T Value, DateTimeOffset At);

    private Entry<List<Material>>? _materials;
    private readonly ConcurrentDictionary<string, Entry<List<RuleFact>>> _rules = new(StringComparer.Ordinal);

    public async Task<List<Material>> MaterialsAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _materials) is { } known && Fresh(known.At)) return known.Value;
        var rows = await Sql.ListAsync(data, CatalogueSql.Materials, static r => new MaterialFact(r.GetInt32(0), r.GetString(1), r.GetString(2)), ct);
        var materials = rows.Select(m => new Material(m, TextMatch.LatinWords(m.Name))).ToList();
        Volatile.Write(ref _materials, new(materials, clock.GetUtcNow()));
        return materials;
    }

    /// <summary>Rules of products whose name the text mentions (or all), in one country, optionally for one crop.</summary>
    public async Task<List<RuleFact>> RulesAsync(string? productText, string? crop, string country, CancellationToken ct)
    {
        IEnumerable<RuleFact> rules = await CountryRulesAsync(country, ct);
        if (!string.IsNullOrWhiteSpace(productText))
        {
            var words = TextMatch.LatinWords(productText);
            rules = rules.Where(r => MentionsProduct(words, TextMatch.LatinWords(r.Product).FirstOrDefault()));
        }
        var canonical = crop is null ? null : CropNames.Canonical(crop) ?? TextMatch.Fold(crop);
        return canonical is null ? rules.ToList() : rules.Where(r => r.Crop == canonical).ToList();
    }

    /// <summary>Catalogue products the text names: "Prosaro", "Prosara", "Просаро" name "Prosaro 250 EC".</summary>
    public async Task<List<MaterialFact>> MaterialsMentionedAsync(string text, CancellationToken ct)
    {
        var words = TextMatch.LatinWords(text);
        return (await MaterialsAsync(ct)).Where(m => MentionsProduct(words, m.FirstWord)).Select(m => m.Fact).ToList();
    }

    /// <summary>
    /// Does the text name the product whose first word (in Latin letters) is <paramref name="first"/>? Inflected too: a
    /// Croatian genitive "Prosara" or a Hungarian "Prosaróval" shares the name's stem (<see cref="RuleBased.Understanding.Mentions.SameStem"/>).
    /// </summary>
    private static bool MentionsProduct(string[] words, string? first) =>
        first is { Length: >= 4 } && words.Any(w => w.Length >= 4 && (RuleBased.Understanding.Mentions.SameStem(w, first) || first.StartsWith(w, StringComparison.Ordinal)));

    /// <summary>Every rule in one country, in catalogue order. Callers filter; the list is shared and never changed.</summary>
    public async Task<List<RuleFact>> CountryRulesAsync(string country, CancellationToken ct)
    {
        if (_rules.TryGetValue(country, out var known) && Fresh(known.At)) return known.Value;
        var rules = await Sql.ListAsync(data, CatalogueSql.RulesInCountry, static r => new RuleFact(r.GetString(0), r.GetString(1), r.GetString(2),
            r.Nullable<int>(3), r.Nullable<int>(4), r.Nullable<decimal>(5), r.Nullable<decimal>(6), r.NullableString(7)), ct, country);
        // Country codes come from farmers and requests (two letters, validated): a bounded set of keys.
        _rules[country] = new(rules, clock.GetUtcNow());
        return rules;
    }

    private bool Fresh(DateTimeOffset at) => clock.GetUtcNow() - at < Lifetime;
}
