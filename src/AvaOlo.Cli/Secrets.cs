using System.Security.Cryptography;
using System.Text.Json;
using AvaOlo.Data.Entities;

namespace AvaOlo.Cli;

/// <summary>Generated passwords and the audit rows for access changes (which never contain a secret).</summary>
internal static class Secrets
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>24 characters from a 57-letter alphabet: about 140 bits, no look-alike characters.</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 24);

    public const int MinPasswordLength = 12;

    public static AuditLogEntry Audit(DateTimeOffset at, string entityType, string entityId, string action, object after, int? farmerId = null) => new()
    {
        At = at, ActorType = CliContext.Actor.Type, ActorName = CliContext.Actor.Name, EntityType = entityType,
        EntityId = entityId, FarmerId = farmerId, Action = action,
        After = JsonSerializer.Serialize(after, JsonOptions),
    };

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
