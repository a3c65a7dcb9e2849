using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AvaOlo.Data;

/// <summary>
/// The operators' fixed variables DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD (plus our DB_POOL_SIZE,
/// DB_SSL_MODE, DB_CONNECT_TIMEOUT_SECONDS, DB_COMMAND_TIMEOUT_SECONDS), bound from configuration, which includes the environment.
/// </summary>
public sealed record DatabaseOptions
{
    [ConfigurationKeyName("DB_HOST")] public string? Host { get; init; }
    [ConfigurationKeyName("DB_PORT")] public int Port { get; init; } = 5432;
    [ConfigurationKeyName("DB_NAME")] public string Name { get; init; } = "farmer_crm";
    [ConfigurationKeyName("DB_USER")] public string? User { get; init; }
    [ConfigurationKeyName("DB_PASSWORD")] public string? Password { get; init; }
    /// <summary>Per-instance pool: 25 instances × 20 stays under Aurora's connection limit for 0.5 GB hosts.</summary>
    [ConfigurationKeyName("DB_POOL_SIZE")] public int PoolSize { get; init; } = 20;
    [ConfigurationKeyName("DB_SSL_MODE")] public string SslMode { get; init; } = "Prefer";
    [ConfigurationKeyName("DB_COMMAND_TIMEOUT_SECONDS")] public int CommandTimeoutSeconds { get; init; } = 15;
    /// <summary>Short so that a database outage becomes a 503 within seconds rather than a hung request.</summary>
    [ConfigurationKeyName("DB_CONNECT_TIMEOUT_SECONDS")] public int ConnectTimeoutSeconds { get; init; } = 3;

    /// <summary>Problems with the settings, each naming the variable; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host)) errors.Add("DB_HOST is not set (the PostgreSQL host name, e.g. 127.0.0.1 or your Aurora endpoint)");
        if (Port is < 1 or > 65535) errors.Add("DB_PORT must be a port number between 1 and 65535");
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("DB_NAME must not be empty");
        if (string.IsNullOrWhiteSpace(User)) errors.Add("DB_USER is not set");
        if (PoolSize is < 1 or > 1000) errors.Add("DB_POOL_SIZE must be between 1 and 1000");
        if (!Enum.TryParse<SslMode>(SslMode, ignoreCase: true, out _)) errors.Add("DB_SSL_MODE must be one of Disable, Allow, Prefer, Require, VerifyCA, VerifyFull");
        if (ConnectTimeoutSeconds is < 1 or > 60) errors.Add("DB_CONNECT_TIMEOUT_SECONDS must be between 1 and 60");
        if (CommandTimeoutSeconds is < 1 or > 3600) errors.Add("DB_COMMAND_TIMEOUT_SECONDS must be between 1 and 3600");
        return errors;
    }

    public string ToConnectionString(string? databaseOverride = null) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Database = databaseOverride ?? Name,
        Username = User,
        Password = Password,
        MaxPoolSize = PoolSize,
        SslMode = Enum.Parse<SslMode>(SslMode, ignoreCase: true),
        CommandTimeout = CommandTimeoutSeconds,
        Timeout = ConnectTimeoutSeconds,
        ApplicationName = "avaolo",
    }.ConnectionString;

    /// <summary>For logs and the admin page: never the password.</summary>
    public override string ToString() => $"{User}@{Host}:{Port}/{Name}";
}
