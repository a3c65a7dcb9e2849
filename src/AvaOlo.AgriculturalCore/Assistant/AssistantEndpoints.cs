using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using AvaOlo.AgriculturalCore.Assistant.SelfTests;
using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.AgriculturalCore.Common;
using AvaOlo.Data.Entities;
using AvaOlo.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AvaOlo.AgriculturalCore.Assistant;

public static class AssistantEndpoints
{
    /// <summary>The assistant's routes: the farmer's question and the self-tests that ask the demo farmers' questions.</summary>
    public static void MapAssistant(this IEndpointRouteBuilder app)
    {
        MapQuery(app);
        app.MapSelfTests();
    }

    private static void MapQuery(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1/farmer").WithTags("Assistant").RequireAuthorization(ApiScopes.Query).WithApiErrors()
            .MapPost("/query", Ask).WithName("FarmerQuery").WithMetadata(ResolvesFarmerMarker.Instance)
            .WithSummary("Ask the farmer assistant a question in any language")
            .WithDescription("A farmer key asks as its own farmer. Other keys name the farmer by `farmer_id` or `phone_number`, which needs the " +
                "`query:on-behalf` scope. The reply language is the request's `language`, else the farmer's preferred language, else the question's, " +
                "else the country's, else English. `method` says who answered: `llm` (the model, with the farmer's records through tools), `offline` " +
                "(records and product rules, no model; also the server's own answer to a confirmation) or `cache`. Send `conversation_id` back to continue " +
                "a thread (only the asker and key that started it may); a change the model proposes (`metadata.pending_confirmation`) is carried out " +
                "only when the farmer's next message in the thread says yes. 429 when the farmer's daily model budget is used up (detail in their language), " +
                "or when the farmer has asked RATE_LIMIT_PER_FARMER_PER_MINUTE times in the last minute (a gateway key is limited per farmer it names, not as a whole).");

    private static async Task<Results<Ok<QueryResponse>, ValidationProblem, ProblemHttpResult>> Ask(
        QueryRequest request, NpgsqlDataSource data, QueryPipeline pipeline, HttpContext http, CancellationToken ct)
    {
        var (q, errors) = QueryRules.Validate(request);
        if (q is null) return errors.ToProblem();
        var caller = http.Caller();
        var (asker, problem) = await AskerResolver.ResolveAsync(data, caller, q, ct);
        return problem switch
        {
            AskerProblem.Forbidden => TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "A farmer's API key may only ask as its own farmer."),
            AskerProblem.NeedsOnBehalf => TypedResults.Problem(statusCode: 403, title: "Forbidden",
                detail: $"Naming a farmer (farmer_id or phone_number) needs the {ApiScopes.QueryOnBehalf} scope; a farmer's own key asks without naming anyone."),
            AskerProblem.FarmerNotFound => FarmerAccess.NotFound("farmer", q.FarmerId ?? caller.FarmerId ?? 0),
            AskerProblem.Missing => new Errors().Add("farmer_id", "give farmer_id or phone_number").ToProblem(),
            _ => (caller.FarmerId is null ? await ResolvedFarmerLimit.ChargeAsync(http, asker!.Subject, ct) : null) is { } limited
                ? limited
                : ToResult(await pipeline.AnswerAsync(Asking.ForCaller(asker!, caller), q, ct), http),
        };
    }

    private static Results<Ok<QueryResponse>, ValidationProblem, ProblemHttpResult> ToResult(AskOutcome outcome, HttpContext http)
    {
        if (outcome is AskOutcome.Answered answered) return TypedResults.Ok(answered.Response);
        var refused = (AskOutcome.Refused)outcome;
        if (refused.RetryAfter is { } wait)
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var extensions = new Dictionary<string, object?>();
        if (refused.Field is { } field) extensions["errors"] = new Dictionary<string, string[]> { [field] = [refused.Detail] };
        if (refused.Language is { } language) extensions["language"] = language;
        return TypedResults.Problem(statusCode: refused.Status, title: refused.Title, detail: refused.Detail, extensions: extensions);
    }
}
