using System.Security.Claims;
using AvaOlo.Data.Entities;

namespace AvaOlo.AgriculturalCore.Auth;

/// <summary>Who is calling, from the authenticated API key: its scopes and, for farmer keys, its farmer.</summary>
/// <param name="SkipsReview">The key was made with --no-review (benchmarks): its exchanges stay out of the review queue.</param>
public sealed record Caller(int KeyId, string KeyName, int? FarmerId, IReadOnlySet<string> Scopes, bool SkipsReview = false)
{
    public const string FarmerClaim = "farmer_id";
    public const string ScopeClaim = "scope";

    public bool IsAdmin => Scopes.Contains(ApiScopes.Admin);
    public bool Has(string scope) => IsAdmin || Scopes.Contains(scope);

    /// <summary>
    /// Farmer keys see only their own farmer; integration and admin keys see every farmer. Handlers answer 404
    /// (not 403) when this is false, so a key cannot even learn that another farmer's record exists.
    /// </summary>
    public bool CanAccess(int farmerId) => FarmerId is null || FarmerId == farmerId;

    /// <summary>Null for an anonymous principal: every requirement of a policy is evaluated, even after the first fails.</summary>
    public static Caller? TryFrom(ClaimsPrincipal user) => user is CallerPrincipal signedIn ? signedIn.Caller :
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is not null ? From(user) : null;

    public static Caller From(ClaimsPrincipal user)
    {
        var id = int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);
        var farmer = user.FindFirstValue(FarmerClaim) is { } f ? int.Parse(f, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        return new(id, user.Identity?.Name ?? "", farmer, user.FindAll(ScopeClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }
}
