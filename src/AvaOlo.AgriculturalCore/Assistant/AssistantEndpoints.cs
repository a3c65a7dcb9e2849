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
            .MapPost("/query", Ask).WithName("FarmerQuery")
            .WithSummary("Ask the farmer assistant a question in any language")
            .WithDescription("Name the farmer by `farmer_id` or `phone_number` (farmer keys: only themselves). The reply language is the request's " +
                "`language`, else the farmer's preferred language, else the question's, else the country's, else English. `method` says who answered: " +
                "`llm` (the model, with the farmer's records through tools), `offline` (records and product rules, no model) or `cache`.");

    private static async Task<Results<Ok<QueryResponse>, ValidationProblem, ProblemHttpResult>> Ask(
        QueryRequest request, NpgsqlDataSource data, QueryPipeline pipeline, HttpContext http, CancellationToken ct)
    {
        var (q, errors) = QueryRules.Validate(request);
        if (q is null) return errors.ToProblem();
        var (asker, problem) = await AskerResolver.ResolveAsync(data, http.Caller(), q, ct);
        return problem switch
        {
            AskerProblem.Forbidden => TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "A farmer's API key may only ask as its own farmer."),
            AskerProblem.FarmerNotFound => FarmerAccess.NotFound("farmer", q.FarmerId ?? http.Caller().FarmerId ?? 0),
            AskerProblem.Missing => new Errors().Add("farmer_id", "give farmer_id or phone_number").ToProblem(),
            _ => TypedResults.Ok(await pipeline.AnswerAsync(asker!, q, "api", ct)),
        };
    }
}
