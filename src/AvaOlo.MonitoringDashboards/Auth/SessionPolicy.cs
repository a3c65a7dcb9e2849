using AvaOlo.Data.Entities;

namespace AvaOlo.MonitoringDashboards.Auth;

/// <summary>The user a session speaks for: as the cookie remembers it, or as the users table has it now.</summary>
public sealed record SessionUser(int Id, string Username, string DisplayName, string Role, string PasswordStamp, bool Disabled)
{
    public static SessionUser From(User u) => new(u.Id, u.Username, u.DisplayName, u.Role, DashboardClaims.PasswordStamp(u.PasswordHash), u.DisabledAt is not null);
}

/// <summary>How long a dashboard session lives and when it is checked against the users table, as pure functions.</summary>
public static class SessionPolicy
{
    /// <summary>A session's role and disabled state are re-read from the users table at most this often.</summary>
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(60);
    /// <summary>Sign in again after this, however busy the session: the pages refresh themselves, so idleness alone never ends one.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);
    /// <summary>A session without a request for this long ends.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);
    /// <summary>While the database cannot answer a re-check, the last confirmation still counts until it is this old.</summary>
    public static readonly TimeSpan OutageGrace = TimeSpan.FromMinutes(2);

    public enum Step { Keep, Recheck, End }

    public enum Verdict { Same, Changed, Revoked }

    public static Step Next(DateTimeOffset signedInAt, DateTimeOffset checkedAt, DateTimeOffset now) =>
        now - signedInAt >= AbsoluteLifetime ? Step.End
        : now - checkedAt >= RecheckEvery ? Step.Recheck
        : Step.Keep;

    /// <summary>The database did not answer the re-check: keep the session's rights only while the last confirmation is recent.</summary>
    public static bool KeepUnconfirmed(DateTimeOffset checkedAt, DateTimeOffset now) => now - checkedAt < OutageGrace;

    /// <summary>The expiry of a re-issued cookie: the idle timeout from now, never past the absolute lifetime.</summary>
    public static DateTimeOffset ExpiresAt(DateTimeOffset signedInAt, DateTimeOffset now)
    {
        var idle = now + IdleTimeout;
        var absolute = signedInAt + AbsoluteLifetime;
        return idle < absolute ? idle : absolute;
    }

    /// <summary>
    /// Revoked: the user is gone, disabled, or their password was reset (a reset is how an admin ends a stolen session).
    /// Changed: same user, new role or name; the session goes on with the new rights.
    /// </summary>
    public static Verdict Compare(SessionUser inCookie, SessionUser? now) =>
        now is null || now.Disabled || now.Id != inCookie.Id || now.PasswordStamp != inCookie.PasswordStamp ? Verdict.Revoked
        : now.Role != inCookie.Role || now.Username != inCookie.Username || now.DisplayName != inCookie.DisplayName ? Verdict.Changed
        : Verdict.Same;
}
