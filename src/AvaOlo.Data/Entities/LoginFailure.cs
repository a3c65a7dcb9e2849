namespace AvaOlo.Data.Entities;

/// <summary>
/// One counted dashboard sign-in attempt, shared by every dashboards instance so that the login throttle holds
/// across them. The key is a SHA-256 of "u:username" or "a:address", never the text itself: people type passwords
/// into the username field. Rows older than the throttle's window are deleted as new attempts arrive.
/// </summary>
public sealed class LoginFailure
{
    public long Id { get; set; }
    public required byte[] Key { get; set; }
    public DateTimeOffset At { get; set; }
}
