using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AvaOlo.Data;

/// <summary>
/// The operators' fixed variables DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD (plus our DB_POOL_SIZE,
/// DB_SSL_MODE, DB_CONNECT_TIMEOUT_SECONDS, DB_COMMAND_TIMEOUT_SECONDS, DB_TARGET_SESSION_ATTRIBUTES,
/// DB_HOST_RECHECK_SECONDS), bound from configuration, which includes the environment. DB_HOST may list several
/// servers (<see cref="DatabaseHosts"/>): Npgsql then finds the primary among them itself, so a failover needs no restart.
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
    /// <summary>Which of several hosts to use; unset: primary when DB_HOST lists several, else any.</summary>
    [ConfigurationKeyName("DB_TARGET_SESSION_ATTRIBUTES")] public string? TargetSessionAttributes { get; init; }
    /// <summary>
    /// How long Npgsql trusts what it learnt about a host (down, primary, standby). Npgsql's 10 s would add up to 10 s
    /// after a standby's promotion before anyone writes to it; a re-check costs one small query per host.
    /// </summary>
    [ConfigurationKeyName("DB_HOST_RECHECK_SECONDS")] public int HostRecheckSeconds { get; init; } = 2;

    public IReadOnlyList<DatabaseHost> Hosts => DatabaseHosts.Parse(Host, Port, []);
    public bool MultiHost => Hosts.Count > 1;

    /// <summary>What Npgsql checks each host for: the setting, else primary among several hosts, else any.</summary>
    public TargetSessionAttributes TargetSession =>
        TargetSessionAttributes is { Length: > 0 } t ? DatabaseHosts.ParseTargetSession(t) ?? Npgsql.TargetSessionAttributes.Any
        : MultiHost ? Npgsql.TargetSessionAttributes.Primary : Npgsql.TargetSessionAttributes.Any;

    /// <summary>Problems with the settings, each naming the variable; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host)) errors.Add("DB_HOST is not set (the PostgreSQL host name, e.g. 127.0.0.1 or your Aurora endpoint)");
        if (Port is < 1 or > 65535) errors.Add("DB_PORT must be a port number between 1 and 65535");
        var hosts = DatabaseHosts.Parse(Host, Port, errors);
        if (TargetSessionAttributes is { Length: > 0 } tsa)
        {
            var parsed = DatabaseHosts.ParseTargetSession(tsa);
            if (parsed is null) errors.Add($"DB_TARGET_SESSION_ATTRIBUTES must be one of {DatabaseHosts.TargetSessionNames} (got \"{tsa}\")");
            else if (parsed != Npgsql.TargetSessionAttributes.Any && hosts.Count == 1)
                errors.Add($"DB_TARGET_SESSION_ATTRIBUTES={tsa} needs several hosts in DB_HOST (Npgsql checks a server's role only among several)");
        }
        if (HostRecheckSeconds is < 1 or > 3600) errors.Add("DB_HOST_RECHECK_SECONDS must be between 1 and 3600");
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("DB_NAME must not be empty");
        if (string.IsNullOrWhiteSpace(User)) errors.Add("DB_USER is not set");
        if (PoolSize is < 1 or > 1000) errors.Add("DB_POOL_SIZE must be between 1 and 1000");
        if (!Enum.TryParse<SslMode>(SslMode, ignoreCase: true, out _)) errors.Add("DB_SSL_MODE must be one of Disable, Allow, Prefer, Require, VerifyCA, VerifyFull");
        if (ConnectTimeoutSeconds is < 1 or > 60) errors.Add("DB_CONNECT_TIMEOUT_SECONDS must be between 1 and 60");
        if (CommandTimeoutSeconds is < 1 or > 3600) errors.Add("DB_COMMAND_TIMEOUT_SECONDS must be between 1 and 3600");
        return errors;
    }

    /// <summary>
    /// For an NpgsqlConnection (the CLI, the key listener): several hosts carry Target Session Attributes. A data
    /// source must not (Npgsql refuses it): <see cref="Hosting.DatabaseDataSources"/> builds those.
    /// </summary>
    public string ToConnectionString(string? databaseOverride = null) => ToBuilder(databaseOverride, withTargetSession: true).ConnectionString;

    public NpgsqlConnectionStringBuilder ToBuilder(string? databaseOverride = null, bool withTargetSession = false)
    {
        var hosts = Hosts;
        var builder = Builder(databaseOverride);
        if (hosts.Count == 1) (builder.Host, builder.Port) = (hosts[0].Name, hosts[0].Port);
        else if (hosts.Count > 1)
        {
            builder.Host = string.Join(',', hosts);
            if (withTargetSession) builder.TargetSessionAttributes = DatabaseHosts.Name(TargetSession);
        }
        return builder;
    }

    private NpgsqlConnectionStringBuilder Builder(string? databaseOverride) => new()
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
        HostRecheckSeconds = HostRecheckSeconds,
        ApplicationName = "avaolo",
    };

    /// <summary>For logs and the admin page: never the password.</summary>
    public override string ToString() => $"{User}@{string.Join(',', Hosts)}/{Name}";
}
