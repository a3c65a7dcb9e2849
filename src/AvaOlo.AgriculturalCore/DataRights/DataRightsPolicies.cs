using AvaOlo.AgriculturalCore.Auth;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Authorization;

namespace AvaOlo.AgriculturalCore.DataRights;

/// <summary>
/// Export and erasure are the data subject's rights, so they belong to the farmer's own key and to admins. Integration
/// keys (a gateway serving many farmers) may read records, but not hand out or erase a person's whole history.
/// </summary>
public static class DataRightsPolicies
{
    public const string Export = "data-rights:export";
    public const string Erase = "data-rights:erase";
    /// <summary>DELETE /api/v1/farmers/{id}: a soft delete (integration or admin keys), or with ?erase=true an erasure.</summary>
    public const string DeleteOrErase = "farmers:delete-or-erase";

    /// <summary>An admin key, or a farmer-bound key holding <paramref name="scope"/> (its own farmer is checked per request).</summary>
    public static bool Allows(Caller caller, string scope) => caller.IsAdmin || (caller.FarmerId is not null && caller.Has(scope));

    /// <summary>
    /// The one test of "erase" used by both the policy and the handlers, on the same text (repeated values arrive joined
    /// by commas in both), so no spelling can pass the soft-delete policy and then schedule an erasure.
    /// </summary>
    public static bool IsErasure(string? erase) => string.Equals(erase, "true", StringComparison.OrdinalIgnoreCase);

    public static bool AsksForErasure(HttpRequest request) => IsErasure(request.Query["erase"]);

    public static AuthorizationBuilder AddDataRightsPolicies(this AuthorizationBuilder auth) => auth
        .AddPolicy(Export, p => p.RequireAuthenticatedUser().RequireAssertion(ctx => Caller.TryFrom(ctx.User) is { } c && Allows(c, ApiScopes.RecordsRead)))
        .AddPolicy(Erase, p => p.RequireAuthenticatedUser().RequireAssertion(ctx => Caller.TryFrom(ctx.User) is { } c && Allows(c, ApiScopes.RecordsWrite)))
        .AddPolicy(DeleteOrErase, p => p.RequireAuthenticatedUser().AddRequirements(new DeleteOrEraseRequirement()));
}

/// <summary>Picks the erasure policy or the existing soft-delete one from the request, so neither rule is written twice.</summary>
internal sealed class DeleteOrEraseRequirement : IAuthorizationRequirement;

internal sealed class DeleteOrEraseHandler : AuthorizationHandler<DeleteOrEraseRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, DeleteOrEraseRequirement requirement)
    {
        if (context.Resource is not HttpContext http) return;
        var policy = DataRightsPolicies.AsksForErasure(http.Request) ? DataRightsPolicies.Erase : Policies.ManageFarmers;
        // Resolved per call: the authorization service depends on every handler, this one included.
        var auth = http.RequestServices.GetRequiredService<IAuthorizationService>();
        if ((await auth.AuthorizeAsync(context.User, http, policy)).Succeeded) context.Succeed(requirement);
    }
}
