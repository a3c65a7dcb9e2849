using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using AvaOlo.AgriculturalCore.Assistant.Catalogue;
using AvaOlo.AgriculturalCore.Assistant.Confirmations;
using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using AvaOlo.AgriculturalCore.Assistant.FarmFacts;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace AvaOlo.AgriculturalCore.Assistant.ModelPath;

/// <summary>
/// The model's tools, bound to ONE farmer for ONE question: <see cref="FarmToolbox"/> makes an instance per question.
/// The farmer id and country come from the request, never from the model; every id the model passes is checked
/// against this farmer's records, and another farmer's id reads exactly like one that does not exist. The model
/// never writes SQL, and never changes a record: record_task and delete_task only PROPOSE, and exist in a call only
/// when the caller may write this farmer's records; the farmer's yes in a later message carries a proposal out.
/// </summary>
public sealed class FarmTools(FarmFactReader facts, ReferenceCatalogue catalogue, IDbContextFactory<AvaOloDbContext> contexts, Proposals proposals,
    Asking who, AssistantRequest request)
{
    private readonly int _farmerId = who.Asker.FarmerId ?? throw new ArgumentException("tools need a known farmer", nameof(who));
    private readonly string? _country = request.CountryCode;
    private readonly DateOnly _today = request.Today;

    /// <summary>The names of the tools that change records: offered only to callers that may write them.</summary>
    public static readonly IReadOnlySet<string> WriteTools = new HashSet<string>(StringComparer.Ordinal) { "record_task", "delete_task" };

    public List<AnswerSource> Sources { get; } = [];
    public int Calls { get; private set; }

    /// <summary>The proposal this question's tools made, if any (the latest one: it supersedes earlier ones).</summary>
    public PendingConfirmation? Proposal { get; private set; }

    // The tool definitions (names, descriptions, JSON schemas) are built once, by reflection: built per question they
    // cost ~10 % of a zero-latency model request's CPU. Each question wraps them (BoundTool) with its own FarmTools,
    // which reaches the definition through the call's arguments — no ambient state, so concurrent questions, each
    // with its own instance, never share a farmer.
    private static readonly AIFunction[] Definitions =
    [
        Define(nameof(ListFieldsAsync), "list_fields", "The farmer's fields with their ids and areas in hectares."),
        Define(nameof(CurrentPlantingsAsync), "current_plantings", "What is planted this season on which field: crop, variety, status, number of plants, expected harvest."),
        Define(nameof(TasksInRangeAsync), "tasks_in_range", "The farmer's tasks (sowing, spraying, harvest…) due or done between two dates."),
        Define(nameof(MaterialRulesAsync), "material_rules", "Rules for a product in the farmer's country: pre-harvest interval in days, maximum applications, dose range, per crop."),
        Define(nameof(HarvestSafetyAsync), "harvest_safety", "Whether a field may be harvested on a date, from its last spraying and the product's pre-harvest interval."),
        Define(nameof(RecordTaskAsync), "record_task", "Propose recording work the farmer reports, e.g. 'I sprayed Prosaro on the north field today, 1 l/ha'. " +
            "Nothing is recorded until the farmer confirms in their next message: tell them exactly what will be recorded and ask for a yes."),
        Define(nameof(DeleteTaskAsync), "delete_task", "Propose deleting one of the farmer's tasks. Nothing is deleted until the farmer confirms in their next " +
            "message: tell them which task will be deleted and ask for a yes."),
    ];

    private static AIFunction Define(string method, string name, string description) =>
        AIFunctionFactory.Create(typeof(FarmTools).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Instance)!,
            static args => args.Context is { } context && context.TryGetValue(typeof(FarmTools), out var tools) && tools is FarmTools bound
                ? bound : throw new InvalidOperationException("a farm tool was called without the question's FarmTools"),
            new AIFunctionFactoryOptions { Name = name, Description = description });

    private IList<AITool>? _functions;

    /// <summary>
    /// The tools to give the model: the shared definitions, each bound to this instance; the write tools only when the
    /// caller may write this farmer's records (a tool the model is not given cannot be called: the function-invoking
    /// client answers it "not found").
    /// </summary>
    public IList<AITool> Functions => _functions ??= Array.AsReadOnly<AITool>(
        [.. Definitions.Where(d => who.MayWriteRecords || !WriteTools.Contains(d.Name)).Select(d => new BoundTool(d, this))]);

    /// <summary>A definition with its receiver: puts this question's FarmTools into each call's arguments.</summary>
    private sealed class BoundTool(AIFunction definition, FarmTools tools) : DelegatingAIFunction(definition)
    {
        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
        {
            (arguments.Context ??= new Dictionary<object, object?>())[typeof(FarmTools)] = tools;
            return base.InvokeCoreAsync(arguments, cancellationToken);
        }
    }

    private async Task<object> ListFieldsAsync(CancellationToken ct)
    {
        Calls++;
        var fields = await facts.FieldsAsync(_farmerId, ct);
        Sources.AddRange(fields.Select(f => new AnswerSource("field", f.Name, f.Id)));
        return fields.Select(f => new { id = f.Id, name = f.Name, area_ha = f.AreaHa });
    }

    private async Task<object> CurrentPlantingsAsync(CancellationToken ct)
    {
        Calls++;
        var plantings = await facts.PlantingsAsync(_farmerId, _today.Year, ct);
        Sources.AddRange(plantings.Select(p => new AnswerSource("planting", $"{p.Crop} – {p.FieldName}", p.FieldId)));
        return plantings.Select(p => new
        {
            field_id = p.FieldId, field_name = p.FieldName, area_ha = p.AreaHa, crop = p.Crop, variety = p.Variety, season = p.Season,
            status = p.Status, plant_count = p.PlantCount, sown_on = p.SownOn, expected_harvest_on = p.ExpectedHarvestOn,
        });
    }

    private async Task<object> TasksInRangeAsync(
        [Description("First day, YYYY-MM-DD")] string from, [Description("Last day, YYYY-MM-DD")] string to,
        [Description("planned, done or cancelled; omit for all")] string? status = null, CancellationToken ct = default)
    {
        Calls++;
        if (!TryDate(from, out var f) || !TryDate(to, out var t)) return Error("from and to must be dates in the form YYYY-MM-DD");
        if (status is not null && !FarmTaskStatus.All.Contains(status)) return Error("status must be planned, done or cancelled");
        var tasks = await facts.TasksAsync(_farmerId, f, t, status, ct);
        Sources.AddRange(tasks.Select(x => new AnswerSource("task", x.Type, x.Id)));
        return tasks;
    }

    private async Task<object> MaterialRulesAsync([Description("Product name, e.g. Prosaro")] string product,
        [Description("Crop, in any language; omit for every crop")] string? crop = null, CancellationToken ct = default)
    {
        Calls++;
        if (_country is null) return Error("the farmer's country is unknown, so no country rules apply");
        var rules = await catalogue.RulesAsync(product, crop, _country, ct);
        Sources.AddRange(rules.Select(r => new AnswerSource("material_rule", $"{r.Product} – {r.Crop} ({r.Country})")));
        return rules.Count > 0 ? rules : Error($"no rules for '{product}' in {_country} in the catalogue");
    }

    private async Task<object> HarvestSafetyAsync([Description("The field's id from list_fields")] int field_id,
        [Description("Harvest date, YYYY-MM-DD; omit for today")] string? date = null, CancellationToken ct = default)
    {
        Calls++;
        var day = _today;
        if (date is not null && !TryDate(date, out day)) return Error("date must be YYYY-MM-DD");
        if (_country is null) return Error("the farmer's country is unknown, so no pre-harvest intervals apply");
        var safety = await facts.HarvestSafetyAsync(_farmerId, field_id, day, _country, ct);
        if (safety is null) return Error($"field {field_id} is not one of this farmer's fields");
        Sources.Add(new AnswerSource("harvest_safety", safety.FieldName, field_id));
        return safety;
    }

    private async Task<object> RecordTaskAsync(
        [Description("Type of work: spraying, sowing, fertilising, harvest, …")] string type,
        [Description("Ids of the fields (from list_fields)")] int[] field_ids,
        [Description("Product used, from the catalogue or free text")] string? product = null, [Description("Dose per hectare")] decimal? dose = null,
        [Description("Unit of the dose, e.g. l/ha")] string? unit = null, [Description("Day it was done, YYYY-MM-DD; omit for today")] string? done_on = null,
        CancellationToken ct = default)
    {
        Calls++;
        if (string.IsNullOrWhiteSpace(type) || type.Length > 100) return Error("type is required (at most 100 characters)");
        var day = _today;
        if (done_on is not null && (!TryDate(done_on, out day) || day > _today)) return Error("done_on must be a past date YYYY-MM-DD");
        var ids = (field_ids ?? []).Distinct().ToArray();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var fields = await db.Fields.AsNoTracking().Where(f => f.FarmerId == _farmerId && ids.Contains(f.Id)).OrderBy(f => f.Name).ToListAsync(ct);
        if (ids.Length == 0 || fields.Count != ids.Length) return Error("field_ids must be ids of this farmer's fields (see list_fields)");
        if (dose is < 0 or > 100_000) return Error("dose must be between 0 and 100000");
        if (unit is { Length: > 20 } || product is { Length: > 200 }) return Error("product (200) or unit (20 characters) is too long");
        var known = string.IsNullOrWhiteSpace(product) ? null : (await catalogue.MaterialsMentionedAsync(product, ct)).FirstOrDefault();
        var material = known?.Name ?? (string.IsNullOrWhiteSpace(product) ? null : product.Trim());
        var proposal = new RecordTaskProposal(type.Trim(), [.. fields.Select(f => f.Id)], [.. fields.Select(f => f.Name)], known?.Id,
            material, dose, unit ?? known?.Unit, day);
        Proposal = await proposals.ProposeAsync(who, request.ThreadId, PendingActionKinds.RecordTask, proposal,
            ProposalSummary.Of(proposal, request.Language), ct);
        return new { recorded = false, awaiting_confirmation = true, proposal = Proposal.Summary,
            instruction = "Nothing is recorded yet. Tell the farmer exactly what will be recorded (the proposal above) and ask them to reply yes to " +
                "record it or no to cancel. It is recorded only when the farmer confirms in their next message; you cannot confirm it yourself." };
    }

    private async Task<object> DeleteTaskAsync([Description("The task's id")] int task_id, CancellationToken ct = default)
    {
        Calls++;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var task = await db.Tasks.AsNoTracking().Include(t => t.Fields).ThenInclude(f => f.Field)
            .FirstOrDefaultAsync(t => t.Id == task_id && t.FarmerId == _farmerId, ct);
        if (task is null) return Error($"task {task_id} is not one of this farmer's tasks");
        var summary = ProposalSummary.OfTask(task.Type, task.Fields.Select(f => f.Field!.Name).Order(), task.DoneOn ?? task.DueOn, request.Language);
        Proposal = await proposals.ProposeAsync(who, request.ThreadId, PendingActionKinds.DeleteTask, new DeleteTaskProposal(task.Id), summary, ct);
        return new { deleted = false, awaiting_confirmation = true, task = new { task.Id, task.Type, task.DueOn, task.DoneOn }, proposal = summary,
            instruction = "Nothing is deleted yet. Tell the farmer which task will be deleted and ask them to reply yes to delete it or no to keep it. " +
                "It is deleted only when the farmer confirms in their next message; you cannot confirm it yourself." };
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static object Error(string message) => new { error = message };
}
