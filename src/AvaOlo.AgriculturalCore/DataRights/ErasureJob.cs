using AvaOlo.AgriculturalCore.Auth;
using Npgsql;

namespace AvaOlo.AgriculturalCore.DataRights;

/// <summary>
/// Carries out every erasure whose grace period has passed. Any of 25 instances may run it at the same time: each
/// request is claimed with FOR UPDATE SKIP LOCKED and erased in the claiming transaction, which also marks it executed,
/// so each erasure runs exactly once, and a cancel waiting on the row lock then finds nothing left to cancel.
/// Tests call <see cref="RunDueAsync"/> (background jobs are off there).
/// </summary>
public sealed class ErasureJob(NpgsqlDataSource data, TimeProvider clock, ApiKeyStore keys, ILogger<ErasureJob> log)
{
    public const string AuditEntity = "erasure_requests";
    /// <summary>Bounds one run; the rest wait for the next run (or another instance).</summary>
    public const int MaxPerRun = 100;

    private const string Claim =
        "SELECT id, farmer_id FROM erasure_requests WHERE status = 'scheduled' AND erase_after <= $1 AND NOT (id = ANY($2)) " +
        "ORDER BY erase_after, id LIMIT 1 FOR UPDATE SKIP LOCKED";

    /// <summary>Erases the farmers that are due; returns how many this runner erased.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var failed = new List<long>(); // an erasure that fails (and is retried next run) must not block the others
        var erased = 0;
        while (erased + failed.Count < MaxPerRun)
        {
            var outcome = await EraseNextAsync(failed, ct);
            if (outcome is null) break;
            if (outcome.Value.Erased) erased++;
            else failed.Add(outcome.Value.RequestId);
        }
        return erased;
    }

    private async Task<(long RequestId, bool Erased)?> EraseNextAsync(List<long> skip, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var conn = await data.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        long requestId;
        int farmerId;
        await using (var claim = new NpgsqlCommand(Claim, conn, tx) { Parameters = { new() { Value = now }, new() { Value = skip.ToArray() } } })
        await using (var reader = await claim.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) return null;
            (requestId, farmerId) = (reader.GetInt64(0), reader.GetInt32(1));
        }
        try
        {
            var result = await ErasureSql.EraseAsync(conn, tx, requestId, farmerId, now, ct);
            await tx.CommitAsync(ct);
            foreach (var prefix in result.KeyPrefixes) keys.Forget(prefix);
            log.LogInformation("Erased farmer {FarmerId} (erasure request {RequestId}): {Rows}", farmerId, requestId, result.SummaryJson);
            return (requestId, true);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            log.LogWarning("Erasure of farmer {FarmerId} (request {RequestId}) failed and will be retried: {Reason}",
                farmerId, requestId, AvaOlo.Data.Hosting.DatabaseErrors.Describe(e));
            return (requestId, false);
        }
    }
}
