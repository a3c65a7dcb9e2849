using System.Security.Claims;

namespace AvaOlo.AgriculturalCore.Auth;

/// <summary>
/// The principal the API-key handler signs in with: the usual claims, plus the <see cref="Auth.Caller"/> built once
/// from the key, so the scope policies, the rate limiter and the handlers do not each read the claims again.
/// </summary>
internal sealed class CallerPrincipal(ClaimsIdentity identity, Caller caller) : ClaimsPrincipal(identity)
{
    public Caller Caller { get; } = caller;
}
