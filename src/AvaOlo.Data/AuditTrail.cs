using System.Text.Json;
using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AvaOlo.Data;

/// <summary>
/// Writes one audit_log row per changed farm record, in the same transaction as the change, so the trail
/// can never miss a change that was committed. New rows get their ids first, then their audit rows.
/// </summary>
internal static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Task<int> SaveWithAuditAsync(
        AvaOloDbContext db, AuditActor actor, TimeProvider clock,
        Func<bool, CancellationToken, Task<int>> save, bool accept, CancellationToken ct)
    {
        _ = accept; // the trail always accepts changes: a half-accepted unit of work would re-insert rows
        return SaveAsync(db, actor, clock, save, ct);
    }

    private static async Task<int> SaveAsync(
        AvaOloDbContext db, AuditActor actor, TimeProvider clock, Func<bool, CancellationToken, Task<int>> save, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var pending = db.ChangeTracker.Entries()
            .Where(e => e.Entity is IAuditable && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (Entry: e, Action: ActionOf(e), Before: e.State == EntityState.Added ? null : Snapshot(e, original: true)))
            .ToList();
        if (pending.Count == 0) return await save(true, ct);

        StampTimes(pending.Select(p => p.Entry), now);

        // An ambient transaction (a caller's) is reused; otherwise the change and its audit commit together.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            // Accept after the first save so the second one writes only the audit rows; new rows now have ids.
            var count = await save(true, ct);
            foreach (var (entry, action, before) in pending)
            {
                var entity = (IAuditable)entry.Entity;
                db.AuditLog.Add(new AuditLogEntry
                {
                    At = now, ActorType = actor.Type, ActorId = actor.Id, ActorName = actor.Name,
                    EntityType = entry.Metadata.GetTableName() ?? entry.Metadata.ClrType.Name,
                    EntityId = entity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    FarmerId = entity.OwnerFarmerId, Action = action, Before = before,
                    After = action == "delete" ? null : Snapshot(entry, original: false),
                });
            }
            count += await save(true, ct);
            // Anything cached from a farmer's records (e.g. answers) is keyed by this version, so it goes stale here.
            var farmers = pending.Select(p => ((IAuditable)p.Entry.Entity).OwnerFarmerId).OfType<int>().Distinct().ToArray();
            if (farmers.Length > 0)
                await db.Database.ExecuteSqlAsync($"UPDATE farmers SET records_version = records_version + 1 WHERE id = ANY({farmers})", ct);
            if (own is not null) await own.CommitAsync(ct);
            return count;
        }
        catch (InvalidOperationException e) when (db.Database.GetDbConnection().State is System.Data.ConnectionState.Broken or System.Data.ConnectionState.Closed)
        {
            // The server ended the connection between two statements (e.g. it is shutting down): Npgsql then reports the
            // transaction as "already completed". Nothing was committed; say so as the database failure it is (a 503).
            throw new Npgsql.NpgsqlException("The database connection was lost during the transaction; nothing was committed", e);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private static string ActionOf(EntityEntry e) => e.State switch
    {
        EntityState.Added => "create",
        EntityState.Deleted => "delete",
        // Soft delete of a farmer is an update of deleted_at, but a reader of the trail wants "delete".
        _ when e.Entity is Farmer f && f.DeletedAt is not null && e.OriginalValues[nameof(Farmer.DeletedAt)] is null => "delete",
        _ => "update",
    };

    private static void StampTimes(IEnumerable<EntityEntry> entries, DateTimeOffset now)
    {
        foreach (var e in entries)
        {
            if (e.State == EntityState.Deleted) continue;
            if (e.State == EntityState.Added && e.Metadata.FindProperty("CreatedAt") is not null) e.Property("CreatedAt").CurrentValue = now;
            if (e.Metadata.FindProperty("UpdatedAt") is not null) e.Property("UpdatedAt").CurrentValue = now;
        }
    }

    private static string Snapshot(EntityEntry e, bool original)
    {
        var values = original ? e.OriginalValues : e.CurrentValues;
        var row = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in values.Properties) row[p.GetColumnName()] = values[p];
        if (!original && e.Entity is IAuditExtras extras)
            foreach (var (key, value) in extras.AuditExtras()) row[key] = value;
        return JsonSerializer.Serialize(row, Json);
    }
}
