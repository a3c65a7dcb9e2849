namespace AvaOlo.Data.Entities;

/// <summary>A dashboard login. Passwords are stored only as PasswordHasher hashes.</summary>
public sealed class User
{
    public int Id { get; set; }
    /// <summary>Lower-case login name (an e-mail address or a short name).</summary>
    public required string Username { get; set; }
    public required string DisplayName { get; set; }
    public required string Role { get; set; }
    public required string PasswordHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
}

public static class UserRoles
{
    public const string Admin = "admin";
    public const string Agronomist = "agronomist";
    public const string Business = "business";
    public static readonly string[] All = [Admin, Agronomist, Business];
}

/// <summary>
/// An API key. Only a SHA-256 of the secret is stored: keys are 256-bit random, so a slow password hash
/// would add latency to every request without adding safety.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Public, unique part of the key used to find the row ("ava_XXXXXXXX").</summary>
    public required string Prefix { get; set; }
    public required byte[] SecretHash { get; set; }
    public string[] Scopes { get; set; } = [];
    /// <summary>When set, the key can only ever see or change this farmer's records.</summary>
    public int? FarmerId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    /// <summary>Exchanges asked with this key are not queued for agronomist review (benchmark and load traffic).</summary>
    public bool SkipsReview { get; set; }
}

public static class ApiScopes
{
    public const string RecordsRead = "records:read";
    public const string RecordsWrite = "records:write";
    public const string Query = "query";
    /// <summary>
    /// With <see cref="Query"/>: ask the assistant AS any farmer, named by id or phone — a gateway's scope (e.g. a
    /// messaging integration serving thousands of farmers). Powerful: never given to a farmer-bound key.
    /// </summary>
    public const string QueryOnBehalf = "query:on-behalf";
    /// <summary>Everything, for every farmer, plus self-tests and key management.</summary>
    public const string Admin = "admin";
    public static readonly string[] All = [RecordsRead, RecordsWrite, Query, QueryOnBehalf, Admin];
    /// <summary>Scopes a farmer-bound key may never hold: they reach other farmers.</summary>
    public static readonly string[] NeverForFarmerKeys = [QueryOnBehalf, Admin];
    public static readonly string[] FarmerDefault = [RecordsRead, RecordsWrite, Query];
}

/// <summary>One change to a farm record, with the row before and after as JSON.</summary>
public sealed class AuditLogEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ActorType { get; set; }
    public string? ActorId { get; set; }
    public string? ActorName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public int? FarmerId { get; set; }
    public required string Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>Entities whose changes go to the audit trail, with the farmer who owns them.</summary>
public interface IAuditable
{
    int Id { get; }
    int? OwnerFarmerId { get; }
}

/// <summary>Extra values (e.g. a task's fields and materials) to record with an entity's "after" snapshot.</summary>
public interface IAuditExtras
{
    IEnumerable<KeyValuePair<string, object?>> AuditExtras();
}
