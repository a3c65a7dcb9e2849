using Npgsql;

namespace AvaOlo.Data.Hosting;

/// <summary>
/// The services' data source over DB_*. One host: Npgsql's pooling data source. Several: its multi-host data source
/// (a pool per host; a host whose connections break is marked down and its pool cleared; each host's role is cached
/// for DB_HOST_RECHECK_SECONDS), seen through the target session (primary by default), so after a failover new
/// connections go to whichever host is the primary now, without a restart.
/// </summary>
public sealed class DatabaseDataSources : IDisposable
{
    private readonly NpgsqlMultiHostDataSource? _multiHost;

    public DatabaseDataSources(DatabaseOptions options, Action<NpgsqlDataSourceBuilder>? configure = null)
    {
        // Npgsql refuses Target Session Attributes in a data source's connection string: WithTargetSession says it.
        var builder = new NpgsqlDataSourceBuilder(options.ToBuilder().ConnectionString);
        configure?.Invoke(builder);
        if (options.MultiHost)
        {
            _multiHost = builder.BuildMultiHost();
            DataSource = _multiHost.WithTargetSession(options.TargetSession);
        }
        else DataSource = builder.Build();
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>
    /// A server refused a write as read-only (25006): a DNS name such as Aurora's cluster endpoint still led to the old
    /// writer, now a reader, or a host changed role within the re-check time. Drop the idle connections and what is
    /// known about each host, so the next connection resolves and checks again instead of reusing the wrong server.
    /// </summary>
    public void ForgetServers()
    {
        DataSource.Clear();
        _multiHost?.ClearDatabaseStates();
    }

    public void Dispose()
    {
        // The target-session view does not own the multi-host source: dispose that.
        if (_multiHost is not null) _multiHost.Dispose();
        else DataSource.Dispose();
    }
}
