using System.Text.Json;
using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.DataRights;

/// <summary>
/// Erasure (GDPR art. 17): scheduled after the grace period, cancellable until then, carried out by <see cref="ErasureJob"/>.
/// Asking, cancelling and the erasure itself each leave an audit_log row (entity erasure_requests).
/// </summary>
public static class ErasureEndpoints
{
    /// <summary>DELETE /api/v1/farmer/{id}?erase=true, and DELETE /api/v1/farmers/{id}?erase=true through FarmersEndpoints.</summary>
    public static async Task<Results<Accepted<ErasureResponse>, ValidationProblem, ProblemHttpResult>> ScheduleAsync(
        int id, [FromQuery] string? erase, AvaOloDbContext db, HttpContext http, AuditActor actor, DataRightsOptions options,
        TimeProvider clock, CancellationToken ct)
    {
        if (!DataRightsPolicies.IsErasure(erase))
            return new Errors().Add("erase", "must be true: this request erases the farmer and all their data (a soft delete is DELETE /api/v1/farmers/{id})").ToProblem();
        if (!await DataSubject.VisibleAsync(db, http.Caller(), id, ct)) return FarmerAccess.NotFound("farmer", id);

        // Asking twice returns the erasure already scheduled; the partial unique index settles a race between two asks.
        if (await ScheduledAsync(db, id, tracking: false, ct) is { } existing) return Accepted(existing);
        var now = clock.GetUtcNow();
        var request = new ErasureRequest
        {
            FarmerId = id, Status = ErasureStatus.Scheduled, RequestedAt = now, RequestedBy = ActorRef(actor), EraseAfter = now + options.ErasureGrace,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ErasureRequests.Add(request);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (Conflicts.IsUniqueViolation(e, "ix_erasure_requests_scheduled"))
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await ScheduledAsync(db, id, tracking: false, ct) is { } winner ? Accepted(winner) : FarmerAccess.NotFound("farmer", id);
        }
        db.AuditLog.Add(Audit(request, "erase_request", actor, now, before: null));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Accepted(request);
    }

    /// <summary>DELETE /api/v1/farmers/{id} is about erasure unless "erase" is absent or false: only "true" schedules one, anything else is a 400.</summary>
    public static bool Asked(string? erase) => erase is not null && !string.Equals(erase, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The same request through the plural route, whose handler also answers a soft delete's 204.</summary>
    public static async Task<Results<NoContent, Accepted<ErasureResponse>, ValidationProblem, ProblemHttpResult>> ScheduleFromFarmersAsync(
        int id, string? erase, AvaOloDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var services = http.RequestServices;
        var result = await ScheduleAsync(id, erase, db, http, services.GetRequiredService<AuditActor>(), services.GetRequiredService<DataRightsOptions>(), clock, ct);
        return result.Result switch
        {
            Accepted<ErasureResponse> accepted => accepted,
            ValidationProblem invalid => invalid,
            var other => (ProblemHttpResult)other,
        };
    }

    /// <summary>GET /api/v1/farmer/{id}/erasure: the scheduled erasure, if any.</summary>
    public static async Task<Results<Ok<ErasureResponse>, ProblemHttpResult>> GetAsync(int id, AvaOloDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!await DataSubject.VisibleAsync(db, http.Caller(), id, ct)) return FarmerAccess.NotFound("farmer", id);
        return await ScheduledAsync(db, id, tracking: false, ct) is { } request ? TypedResults.Ok(request.ToResponse()) : NothingScheduled(id);
    }

    /// <summary>DELETE /api/v1/farmer/{id}/erasure: cancels the scheduled erasure before it runs.</summary>
    public static async Task<Results<Ok<ErasureResponse>, ProblemHttpResult>> CancelAsync(
        int id, AvaOloDbContext db, HttpContext http, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (!await DataSubject.VisibleAsync(db, http.Caller(), id, ct)) return FarmerAccess.NotFound("farmer", id);
        if (await ScheduledAsync(db, id, tracking: true, ct) is not { } request) return NothingScheduled(id);
        var now = clock.GetUtcNow();
        var before = Snapshot(request);
        request.Status = ErasureStatus.Cancelled;
        request.CancelledAt = now;
        request.CancelledBy = ActorRef(actor);
        db.AuditLog.Add(Audit(request, "erase_cancel", actor, now, before));
        // Status is a concurrency token: if the job has carried the erasure out meanwhile, nothing is "cancelled".
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Too late to cancel",
                detail: $"The erasure of farmer {id} has already been carried out.");
        }
        return TypedResults.Ok(request.ToResponse());
    }

    private static Task<ErasureRequest?> ScheduledAsync(AvaOloDbContext db, int farmerId, bool tracking, CancellationToken ct)
    {
        var query = db.ErasureRequests.Where(e => e.FarmerId == farmerId && e.Status == ErasureStatus.Scheduled);
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    private static Accepted<ErasureResponse> Accepted(ErasureRequest r) => TypedResults.Accepted(ErasureMapping.Href(r.FarmerId), r.ToResponse());

    private static ProblemHttpResult NothingScheduled(int id) =>
        TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No erasure is scheduled for farmer {id}.");

    /// <summary>"api_key:12": who acted, without a name that could itself be personal data.</summary>
    internal static string ActorRef(AuditActor actor) => actor.Id is null ? actor.Type : $"{actor.Type}:{actor.Id}";

    internal static string Snapshot(ErasureRequest r) => JsonSerializer.Serialize(new
    {
        r.Id, r.FarmerId, r.Status, r.RequestedAt, r.RequestedBy, r.EraseAfter, r.CancelledAt, r.CancelledBy, r.ExecutedAt,
    }, ExportJson.Snake);

    private static AuditLogEntry Audit(ErasureRequest r, string action, AuditActor actor, DateTimeOffset now, string? before) => new()
    {
        At = now, ActorType = actor.Type, ActorId = actor.Id, ActorName = actor.Name, EntityType = ErasureJob.AuditEntity,
        EntityId = r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), FarmerId = r.FarmerId, Action = action,
        Before = before, After = Snapshot(r),
    };
}

internal static class ExportJson
{
    public static readonly JsonSerializerOptions Snake = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
