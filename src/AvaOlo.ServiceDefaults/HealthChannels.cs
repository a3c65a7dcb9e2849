namespace AvaOlo.ServiceDefaults;

/// <summary>
/// A service's messaging channels, added to its /health as "channels" (the core's WhatsApp providers). Never fails
/// /health: with the database away it reports what this instance knows.
/// </summary>
public interface IHealthChannels
{
    Task<object?> ReadAsync(bool databaseUp, CancellationToken ct);
}
