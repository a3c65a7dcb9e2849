namespace AvaOlo.AgriculturalCore.WhatsApp;

/// <summary>Wait before the next attempt: 5 s, 10 s, 20 s… doubling up to 5 minutes.</summary>
public static class Backoff
{
    public static TimeSpan After(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, Math.Clamp(attempts - 1, 0, 10))));
}
