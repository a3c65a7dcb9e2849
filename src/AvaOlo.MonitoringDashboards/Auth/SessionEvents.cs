using System.Globalization;
using AvaOlo.Data;
using AvaOlo.Data.Hosting;
using AvaOlo.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.MonitoringDashboards.Auth;

/// <summary>
/// Keeps a signed-in session true to the users table (see <see cref="SessionPolicy"/>). The sign-in time and the
/// last check travel inside the encrypted cookie, so any instance can decide without shared session state.
/// The cookie is re-issued only at a re-check (at most once a minute), with an expiry that never passes the
/// absolute lifetime; the framework's own sliding renewal is off because it would extend past it.
/// </summary>
internal static class SessionEvents
{
    private const string SignedInItem = ".avaolo.signed_in";
    private const string CheckedItem = ".avaolo.checked";

    public static void Attach(CookieAuthenticationEvents events)
    {
        events.OnSigningIn = ctx =>
        {
            var now = Now(ctx.HttpContext);
            ctx.Properties.Items[SignedInItem] = Format(now);
            ctx.Properties.Items[CheckedItem] = Format(now);
            ctx.Properties.ExpiresUtc = SessionPolicy.ExpiresAt(now, now);
            return Task.CompletedTask;
        };
        events.OnValidatePrincipal = ValidateAsync;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var http = ctx.HttpContext;
        var now = Now(http);
        var remembered = ctx.Principal is { } p ? DashboardClaims.Remembered(p) : null;
        if (remembered is null || !TryRead(ctx.Properties, SignedInItem, out var signedIn) || !TryRead(ctx.Properties, CheckedItem, out var checkedAt))
        {
            await EndAsync(ctx, "the cookie lacks the session's claims or times");
            return;
        }
        var step = SessionPolicy.Next(signedIn, checkedAt, now);
        if (step == SessionPolicy.Step.Keep) return;
        if (step == SessionPolicy.Step.End)
        {
            await EndAsync(ctx, "the session reached its absolute lifetime");
            return;
        }

        Data.Entities.User? row;
        try
        {
            var db = http.RequestServices.GetRequiredService<AvaOloDbContext>();
            row = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == remembered.Id, http.RequestAborted);
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
        {
            if (SessionPolicy.KeepUnconfirmed(checkedAt, now)) return;
            // No rights without a recent confirmation. The cookie stays: once the database answers, the next request
            // re-checks and the session goes on (or ends, if the user was disabled meanwhile).
            Log(http).LogWarning("Session of user {UserId} not confirmed since {CheckedAt:o} (database unavailable): treated as signed out", remembered.Id, checkedAt);
            ctx.RejectPrincipal();
            return;
        }

        var current = row is null ? null : SessionUser.From(row);
        switch (SessionPolicy.Compare(remembered, current))
        {
            case SessionPolicy.Verdict.Revoked:
                await EndAsync(ctx, "the user is disabled, deleted or has a new password");
                return;
            case SessionPolicy.Verdict.Changed:
                Log(http).LogInformation("Session of user {UserId}: role or name changed to {Role}; rights updated", remembered.Id, row!.Role);
                ctx.ReplacePrincipal(DashboardClaims.For(row));
                break;
        }
        // The handler re-issues the cookie with expiry = now + (ExpiresUtc - IssuedUtc): set both so that it is ExpiresAt.
        ctx.Properties.Items[CheckedItem] = Format(now);
        ctx.Properties.IssuedUtc = now;
        ctx.Properties.ExpiresUtc = SessionPolicy.ExpiresAt(signedIn, now);
        ctx.ShouldRenew = true;
    }

    private static async Task EndAsync(CookieValidatePrincipalContext ctx, string why)
    {
        Log(ctx.HttpContext).LogInformation("Dashboard session ended: {Reason}", why);
        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static DateTimeOffset Now(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    private static ILogger Log(HttpContext http) => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionEvents).FullName!);

    private static string Format(DateTimeOffset t) => t.UtcTicks.ToString(CultureInfo.InvariantCulture);

    private static bool TryRead(AuthenticationProperties p, string item, out DateTimeOffset at)
    {
        at = default;
        if (!p.Items.TryGetValue(item, out var text) || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks) return false;
        at = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
