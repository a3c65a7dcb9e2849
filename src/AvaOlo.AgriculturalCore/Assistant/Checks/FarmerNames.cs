using AvaOlo.AgriculturalCore.Assistant.Matching;
using AvaOlo.AgriculturalCore.Assistant.Privacy;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Assistant.Checks;

/// <summary>
/// Every farmer's name as words, looked up by first word: finding the names an answer contains costs one dictionary
/// look-up per word of the answer, however many farmers there are. Pure: built from (id, name) rows.
/// </summary>
public sealed class NameIndex
{
    public const int MinLength = 5; // shorter names ("Ana") are ordinary words in too many languages

    private readonly Dictionary<string, List<(int Id, string[] Words, string Name)>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly HashSet<int> _read = [];

    public NameIndex(IEnumerable<(int Id, string Name)> farmers)
    {
        foreach (var (id, name) in farmers)
        {
            _read.Add(id);
            if (name.Trim().Length < MinLength) continue;
            var words = TextMatch.Words(name);
            if (words.Length == 0) continue;
            if (!_byFirstWord.TryGetValue(words[0], out var list)) _byFirstWord[words[0]] = list = [];
            list.Add((id, words, name));
        }
    }

    public int Count => _byFirstWord.Values.Sum(l => l.Count);

    /// <summary>Whether the farmer was among the rows this index was built from (a name too short to index included).</summary>
    public bool Knows(int farmerId) => _read.Contains(farmerId);

    /// <summary>
    /// Names of farmers other than <paramref name="exceptFarmerId"/> whose words appear in a row in the text, compared
    /// without case or diacritics ("Šimun Horvat" is found as "simun horvat"); at most <paramref name="limit"/>.
    /// </summary>
    public IReadOnlyList<string> FoundIn(string text, int? exceptFarmerId, int limit = 3)
    {
        var words = TextMatch.Words(text);
        List<string>? found = null;
        for (var i = 0; i < words.Length; i++)
        {
            if (!_byFirstWord.TryGetValue(words[i], out var candidates)) continue;
            foreach (var (id, nameWords, name) in candidates)
            {
                if (id == exceptFarmerId || !InRow(words, i, nameWords) || found?.Contains(name) == true) continue;
                (found ??= []).Add(name);
                if (found.Count >= limit) return found;
            }
        }
        return found ?? (IReadOnlyList<string>)[];
    }

    /// <summary>
    /// Where the names of farmers (all, or all but <paramref name="exceptFarmerId"/>) stand in the text: for redacting
    /// them before the text goes to a model.
    /// </summary>
    public IEnumerable<(int Start, int Length)> SpansIn(string text, int? exceptFarmerId = null)
    {
        var spans = TextMatch.WordSpans(text);
        var words = spans.Select(s => s.Folded).ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            if (!_byFirstWord.TryGetValue(words[i], out var candidates)) continue;
            var longest = candidates.Where(c => c.Id != exceptFarmerId && InRow(words, i, c.Words)).Select(c => c.Words.Length).DefaultIfEmpty(0).Max();
            if (longest == 0) continue;
            var last = spans[i + longest - 1];
            yield return (spans[i].Start, last.Start + last.Length - spans[i].Start);
            i += longest - 1;
        }
    }

    /// <summary>This index as the name finder of <see cref="PersonalData"/>.</summary>
    public INameFinder Finder(int? exceptFarmerId = null) => new SpanFinder(this, exceptFarmerId);

    private sealed class SpanFinder(NameIndex index, int? except) : INameFinder
    {
        public IEnumerable<(int Start, int Length)> FindNames(string text) => index.SpansIn(text, except);
    }

    private static bool InRow(string[] words, int start, string[] nameWords)
    {
        if (start + nameWords.Length > words.Length) return false;
        for (var j = 1; j < nameWords.Length; j++)
            if (!string.Equals(words[start + j], nameWords[j], StringComparison.Ordinal)) return false;
        return true;
    }
}

/// <summary>
/// The <see cref="NameIndex"/> of all living farmers for the privacy check, instead of a scan of the farmers table
/// per model answer. Read at the first check, then re-read in the background when older than <see cref="RefreshAfter"/>
/// (so a farmer registered or renamed moments ago is found after at most that long — the same window as a revoked key).
/// The one farmer who cannot wait is the asker: a farmer who registered on another instance a moment ago and asks at
/// once must not have their own name sent to the model, so an asker the index does not know yet makes it re-read first.
/// </summary>
public sealed class FarmerNames(NpgsqlDataSource data, TimeProvider clock, ILogger<FarmerNames> log)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(30);

    /// <summary>However many questions an unknown asker sends (say a farmer id that no longer exists), at most one re-read per this.</summary>
    public static readonly TimeSpan AskerRereadAfter = TimeSpan.FromSeconds(1);

    // Every living farmer, short names too (the index skips them): so that Knows(asker) holds once the asker is read.
    private const string Names = "SELECT id, name FROM farmers WHERE deleted_at IS NULL";

    private readonly SemaphoreSlim _first = new(1, 1);
    private volatile Snapshot? _snapshot;
    private int _refreshing;

    private sealed record Snapshot(NameIndex Index, DateTimeOffset ReadAt);

    public async Task<IReadOnlyList<string>> FoundInAsync(string text, int? exceptFarmerId, CancellationToken ct)
    {
        var snapshot = _snapshot ?? await FirstAsync(ct);
        RefreshIfStale(snapshot);
        return snapshot.Index.FoundIn(text, exceptFarmerId);
    }

    private void RefreshIfStale(Snapshot snapshot)
    {
        if (clock.GetUtcNow() - snapshot.ReadAt > RefreshAfter && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
            _ = Task.Run(RefreshInBackgroundAsync, CancellationToken.None);
    }

    /// <summary>
    /// The current index of every living farmer's name (read at first use, refreshed as <see cref="FoundInAsync"/> does),
    /// re-read first when it does not know <paramref name="asker"/> yet.
    /// </summary>
    public async Task<NameIndex> IndexAsync(int? asker, CancellationToken ct)
    {
        var snapshot = _snapshot ?? await FirstAsync(ct);
        if (asker is { } id && !snapshot.Index.Knows(id) && clock.GetUtcNow() - snapshot.ReadAt >= AskerRereadAfter)
            snapshot = await RereadAsync(snapshot, ct);
        RefreshIfStale(snapshot);
        return snapshot.Index;
    }

    private async Task<Snapshot> FirstAsync(CancellationToken ct)
    {
        await _first.WaitAsync(ct);
        try { return _snapshot ??= await ReadAsync(ct); }
        finally { _first.Release(); }
    }

    /// <summary>One re-read for all the questions waiting on it: whoever enters after a newer snapshot landed takes that.</summary>
    private async Task<Snapshot> RereadAsync(Snapshot seen, CancellationToken ct)
    {
        await _first.WaitAsync(ct);
        try
        {
            if (!ReferenceEquals(_snapshot, seen) && _snapshot is not null) return _snapshot;
            return _snapshot = await ReadAsync(ct);
        }
        finally { _first.Release(); }
    }

    private async Task RefreshInBackgroundAsync()
    {
        try { _snapshot = await ReadAsync(CancellationToken.None); }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The old names keep serving; the next check tries again.
            log.LogWarning("Could not refresh farmer names for the privacy check: {Error}", e.Message);
        }
        finally { Volatile.Write(ref _refreshing, 0); }
    }

    private async Task<Snapshot> ReadAsync(CancellationToken ct)
    {
        var readAt = clock.GetUtcNow();
        var rows = await Sql.ListAsync(data, Names, static r => (r.GetInt32(0), r.GetString(1)), ct);
        return new Snapshot(new NameIndex(rows), readAt);
    }
}
