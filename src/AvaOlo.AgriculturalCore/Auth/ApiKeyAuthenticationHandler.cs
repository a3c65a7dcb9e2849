using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using AvaOlo.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AvaOlo.AgriculturalCore.Auth;

/// <summary>"Authorization: Bearer ava_…" → a principal carrying the key's id, scopes and bound farmer.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore store, ApiKeyUsage usage)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("Authorization must be 'Bearer <api key>'");

        var key = await store.FindValidAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Unknown, revoked or expired API key");
        usage.Touch(key.Id);

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, key.Name),
        };
        if (key.FarmerId is { } farmer) claims.Add(new(Caller.FarmerClaim, farmer.ToString(CultureInfo.InvariantCulture)));
        claims.AddRange(key.Scopes.Select(s => new Claim(Caller.ScopeClaim, s)));

        // Every change made with this key is attributed to it in the audit trail.
        var actor = Context.RequestServices.GetRequiredService<AuditActor>();
        actor.Type = "api_key";
        actor.Id = key.Id.ToString(CultureInfo.InvariantCulture);
        actor.Name = key.Name;

        var caller = new Caller(key.Id, key.Name, key.FarmerId, key.Scopes.ToHashSet(StringComparer.Ordinal), key.SkipsReview);
        var principal = new CallerPrincipal(new ClaimsIdentity(claims, SchemeName), caller);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"ava-olo\"";
        return Task.CompletedTask;
    }
}
