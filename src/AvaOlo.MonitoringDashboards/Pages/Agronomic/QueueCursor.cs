using System.Globalization;

namespace AvaOlo.MonitoringDashboards.Pages.Agronomic;

/// <summary>
/// A position in the review queue (keyset paging, no OFFSET): the rank, time and id of a row, as "rank.ticks.id" in
/// the URL. The queue is ordered by rank ascending, then newest first, then id descending.
/// </summary>
public readonly record struct QueueCursor(int Rank, DateTimeOffset At, long Id)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Rank}.{At.UtcTicks}.{Id}");

    public static bool TryParse(string? text, out QueueCursor cursor)
    {
        cursor = default;
        var parts = text?.Split('.') ?? [];
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rank)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTimeOffset.MaxValue.UtcTicks) return false;
        cursor = new(rank, new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }

    /// <summary>Rows after this one in queue order ($r, $t, $i are the cursor's parameters).</summary>
    public static string After(string r, string t, string i) => $"(review_rank > {r} OR (review_rank = {r} AND (created_at, id) < ({t}, {i})))";

    /// <summary>Rows before this one in queue order.</summary>
    public static string Before(string r, string t, string i) => $"(review_rank < {r} OR (review_rank = {r} AND (created_at, id) > ({t}, {i})))";
}
