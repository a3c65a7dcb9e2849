using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.AgriculturalCore.Tasks;

public static class TasksEndpoints
{
    public static void MapTasks(this IEndpointRouteBuilder app)
    {
        var byFarmer = app.MapGroup("/api/v1/farmer/{id}").WithTags("Tasks").RequireAuthorization(ApiScopes.RecordsRead).WithApiErrors()
            .WithMetadata(FarmerRouteMarker.Instance);
        byFarmer.MapGet("/tasks", List).WithName("GetFarmerTasks")
            .WithSummary("A farmer's tasks, filtered by status and date range, paged (permanent URL)")
            .WithDescription("`from`/`to` (YYYY-MM-DD, inclusive) filter on done_on for done tasks and due_on otherwise. Newest first.");
        byFarmer.MapPost("/tasks", Create).RequireAuthorization(ApiScopes.RecordsWrite).WithName("RecordTask").WithSummary("Record or plan a task")
            .WithDescription("A `type` of work, `status` planned/done/cancelled with its date, the farmer's own `field_ids`, and `materials` from the catalogue or by name with a dose.");

        var single = app.MapGroup("/api/v1/tasks").WithTags("Tasks").RequireAuthorization(ApiScopes.RecordsRead).WithApiErrors();
        single.MapGet("/{taskId}", Get).WithName("GetTask").WithSummary("One task")
            .WithDescription("With its fields and materials. 404 for an unknown task and for another farmer's task alike.");
        single.MapPut("/{taskId}", Update).RequireAuthorization(ApiScopes.RecordsWrite).WithName("ReplaceTask").WithSummary("Replace a task")
            .WithDescription("Every property is replaced, fields and materials included, with the same rules as when recording.");
        single.MapDelete("/{taskId}", Delete).RequireAuthorization(ApiScopes.RecordsWrite).WithName("DeleteTask").WithSummary("Delete a task")
            .WithDescription("Removes the task with its links to fields and materials.");
    }

    private static async Task<Results<Ok<Paged<TaskResponse>>, ValidationProblem, ProblemHttpResult>> List(
        int id, AvaOloDbContext db, HttpContext http, CancellationToken ct,
        [FromQuery] string? status, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to,
        [FromQuery] int? page, [FromQuery(Name = "page_size")] int? pageSize)
    {
        var errors = new Errors();
        Paging.Validate(errors, page, pageSize);
        var wanted = Text.Clean(status)?.ToLowerInvariant();
        if (wanted is not null && !FarmTaskStatus.All.Contains(wanted)) errors.Add("status", $"must be one of {string.Join(", ", FarmTaskStatus.All)}");
        if (from > to) errors.Add("from", "must not be after to");
        if (errors.Any) return errors.ToProblem();
        if (!await FarmerAccess.VisibleAsync(db, http.Caller(), id, ct)) return FarmerAccess.NotFound("farmer", id);

        var query = db.Tasks.AsNoTracking().Where(t => t.FarmerId == id);
        if (wanted is not null) query = query.Where(t => t.Status == wanted);
        if (from is { } f) query = query.Where(t => (t.DoneOn ?? t.DueOn) >= f);
        if (to is { } until) query = query.Where(t => (t.DoneOn ?? t.DueOn) <= until);
        var (p, size) = (page ?? 1, pageSize ?? 50);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(t => t.DoneOn ?? t.DueOn).ThenByDescending(t => t.Id)
            .Skip(Paging.Offset(p, size)).Take(size)
            .Include(t => t.Fields).ThenInclude(tf => tf.Field).Include(t => t.Materials)
            .AsSplitQuery().ToListAsync(ct);
        return TypedResults.Ok(new Paged<TaskResponse>(items.Select(t => t.ToResponse()).ToList(), p, size, total));
    }

    private static async Task<Results<Created<TaskResponse>, ValidationProblem, ProblemHttpResult>> Create(
        int id, TaskRequest request, AvaOloDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (!await FarmerAccess.VisibleAsync(db, http.Caller(), id, ct)) return FarmerAccess.NotFound("farmer", id);
        var task = new FarmTask { FarmerId = id, Type = "", Status = "" };
        if (await ApplyAsync(db, task, request, Today(clock), ct) is { } invalid) return invalid;
        db.Tasks.Add(task);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/tasks/{task.Id}", task.ToResponse());
    }

    private static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> Get(int taskId, AvaOloDbContext db, HttpContext http, CancellationToken ct)
    {
        var task = await WithLinks(db.Tasks.AsNoTracking()).FindOwnedAsync(db, http.Caller(), taskId, ct);
        return task is null ? FarmerAccess.NotFound("task", taskId) : TypedResults.Ok(task.ToResponse());
    }

    private static async Task<Results<Ok<TaskResponse>, ValidationProblem, ProblemHttpResult>> Update(
        int taskId, TaskRequest request, AvaOloDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var task = await WithLinks(db.Tasks).FindOwnedAsync(db, http.Caller(), taskId, ct);
        if (task is null) return FarmerAccess.NotFound("task", taskId);
        if (await ApplyAsync(db, task, request, Today(clock), ct) is { } invalid) return invalid;
        db.Entry(task).Property(t => t.UpdatedAt).IsModified = true; // a change to links alone is still a change to the task
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(task.ToResponse());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(int taskId, AvaOloDbContext db, HttpContext http, CancellationToken ct)
    {
        var task = await WithLinks(db.Tasks).FindOwnedAsync(db, http.Caller(), taskId, ct);
        if (task is null) return FarmerAccess.NotFound("task", taskId);
        db.Tasks.Remove(task);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Validates the request and copies it onto the task; field and material ids are checked for ownership.</summary>
    private static async Task<ValidationProblem?> ApplyAsync(AvaOloDbContext db, FarmTask task, TaskRequest request, DateOnly today, CancellationToken ct)
    {
        var (value, errors) = TaskRules.Validate(request, today);
        if (value is null) return errors.ToProblem();

        // Only this farmer's fields: another farmer's field id reads exactly like one that does not exist.
        var fields = await db.Fields.Where(f => f.FarmerId == task.FarmerId && value.FieldIds.Contains(f.Id)).ToListAsync(ct);
        foreach (var missing in value.FieldIds.Except(fields.Select(f => f.Id)))
            errors.Add("field_ids", $"field {missing} is not one of this farmer's fields");
        var materialIds = value.Materials.Where(m => m.MaterialId is not null).Select(m => m.MaterialId!.Value).Distinct().ToList();
        var materials = await db.Materials.Where(m => materialIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        foreach (var missing in materialIds.Where(m => !materials.ContainsKey(m)))
            errors.Add("materials", $"material {missing} is not in the catalogue");
        if (errors.Any) return errors.ToProblem();

        task.Type = value.Type;
        task.Status = value.Status;
        task.DueOn = value.DueOn;
        task.DoneOn = value.DoneOn;
        task.Notes = value.Notes;
        task.Fields.RemoveAll(tf => !value.FieldIds.Contains(tf.FieldId));
        foreach (var field in fields.Where(f => task.Fields.All(tf => tf.FieldId != f.Id)))
            task.Fields.Add(new TaskField { FieldId = field.Id, Field = field });
        foreach (var tf in task.Fields) tf.Field ??= fields.First(f => f.Id == tf.FieldId);
        task.Materials.Clear();
        foreach (var m in value.Materials)
        {
            var catalogue = m.MaterialId is { } mid ? materials[mid] : null;
            task.Materials.Add(new TaskMaterial
            {
                MaterialId = catalogue?.Id, MaterialName = Text.Clean(m.Name) ?? catalogue!.Name, Dose = m.Dose,
                Unit = Text.Clean(m.Unit) ?? catalogue?.Unit,
            });
        }
        return null;
    }

    /// <summary>A task with its fields and materials, which every task response shows.</summary>
    private static IQueryable<FarmTask> WithLinks(IQueryable<FarmTask> tasks) =>
        tasks.Include(t => t.Fields).ThenInclude(tf => tf.Field).Include(t => t.Materials).AsSplitQuery();

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
