using System.Security.Claims;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.MonitoringDashboards.Auth;

/// <summary>Checks a username and password against the users table and records the login.</summary>
public sealed class DashboardSignIn(AvaOloDbContext db, TimeProvider clock, ILogger<DashboardSignIn> log)
{
    private static readonly PasswordHasher<User> Hasher = new();

    // Verifying against this when the user does not exist makes both failures cost the same time, so response
    // times do not reveal which usernames exist.
    private static readonly User Nobody = new() { Username = "", DisplayName = "", Role = "", PasswordHash = "" };
    private static readonly string NobodyHash = Hasher.HashPassword(Nobody, Guid.NewGuid().ToString());

    /// <summary>The principal to sign in, or null for a wrong username or password (or a disabled user).</summary>
    public async Task<ClaimsPrincipal?> VerifyAsync(string username, string password, CancellationToken ct)
    {
        var name = username.Trim().ToLowerInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Username == name && u.DisabledAt == null, ct);
        if (user is null)
        {
            Hasher.VerifyHashedPassword(Nobody, NobodyHash, password);
            return null;
        }

        var result = Check(user, password);
        if (result == PasswordVerificationResult.Failed) return null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = Hasher.HashPassword(user, password);
        user.LastLoginAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return DashboardClaims.For(user);
    }

    private PasswordVerificationResult Check(User user, string password)
    {
        try
        {
            return Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        }
        catch (FormatException)
        {
            // A hash not made by PasswordHasher (e.g. pasted in by hand) must refuse the login, not crash it.
            log.LogWarning("User {UserId} has a malformed password hash; login refused", user.Id);
            return PasswordVerificationResult.Failed;
        }
    }
}
