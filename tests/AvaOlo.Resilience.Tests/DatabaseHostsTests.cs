using AvaOlo.Data;
using Npgsql;

namespace AvaOlo.Resilience.Tests;

/// <summary>DB_HOST as a list of hosts and DB_TARGET_SESSION_ATTRIBUTES: what reaches Npgsql, and the start-up errors.</summary>
public sealed class DatabaseHostsTests
{
    public static TheoryData<string, int, string> Lists => new()
    {
        { "127.0.0.1", 5432, "127.0.0.1:5432" },
        { "db.example", 6000, "db.example:6000" },
        { "a:5441,b:5442", 5432, "a:5441,b:5442" },
        { " a:5441 , b ", 5433, "a:5441,b:5433" },
        { "writer.cluster-x.eu-central-1.rds.amazonaws.com,reader.cluster-ro-x.eu-central-1.rds.amazonaws.com", 5432,
          "writer.cluster-x.eu-central-1.rds.amazonaws.com:5432,reader.cluster-ro-x.eu-central-1.rds.amazonaws.com:5432" },
        { "[::1]:5441,127.0.0.1:5442", 5432, "[::1]:5441,127.0.0.1:5442" },
        { "[fe80::1]", 5432, "[fe80::1]:5432" },
    };

    [Theory, MemberData(nameof(Lists))]
    public void A_host_list_is_read_with_each_port_or_DB_PORT(string value, int port, string expected)
    {
        var errors = new List<string>();
        var hosts = DatabaseHosts.Parse(value, port, errors);
        Assert.Empty(errors);
        Assert.Equal(expected, string.Join(',', hosts));
    }

    [Theory]
    [InlineData("a,,b", "DB_HOST entry 2 is empty (a comma too many?)")]
    [InlineData("a,", "DB_HOST entry 2 is empty (a comma too many?)")]
    [InlineData("a:0,b", "DB_HOST entry 1 (\"a:0\"): the port must be a number between 1 and 65535")]
    [InlineData("a,b:70000", "DB_HOST entry 2 (\"b:70000\"): the port must be a number between 1 and 65535")]
    [InlineData("a:x", "DB_HOST: the port must be a number between 1 and 65535")]
    [InlineData("a:-5", "DB_HOST: the port must be a number between 1 and 65535")]
    [InlineData("::1", "DB_HOST: an IPv6 address needs brackets, e.g. [::1]:5432")]
    [InlineData("[::1", "DB_HOST: not a host name or address")]
    [InlineData("a;Password=x", "DB_HOST: not a host name or address")]
    [InlineData(":5432", "DB_HOST: not a host name or address")]
    [InlineData("a:5441,a:5441", "DB_HOST lists a:5441 twice")]
    public void A_bad_entry_is_named_with_the_reason(string value, string error)
    {
        var errors = new List<string>();
        DatabaseHosts.Parse(value, 5432, errors);
        Assert.Equal([error], errors);
    }

    [Theory]
    [InlineData("a,b", null, "primary")]
    [InlineData("a,b", "prefer-standby", "prefer-standby")]
    [InlineData("a,b", "READ-WRITE", "read-write")]
    [InlineData("a,b", "any", "any")]
    [InlineData("a", null, null)]
    [InlineData("a", "any", null)]
    public void Several_hosts_look_for_the_primary_unless_told_otherwise(string host, string? setting, string? expected)
    {
        var options = Options(host, setting);
        Assert.Empty(options.Validate());
        var cs = new NpgsqlConnectionStringBuilder(options.ToConnectionString());
        Assert.Equal(expected, cs.TargetSessionAttributes);
        // A data source's connection string never carries it: Npgsql refuses that with several hosts.
        Assert.Null(options.ToBuilder().TargetSessionAttributes);
        Assert.Equal(2, cs.HostRecheckSeconds);
    }

    [Theory]
    [InlineData("a,b", "master", null, "DB_TARGET_SESSION_ATTRIBUTES must be one of any, primary, standby, prefer-primary, prefer-standby, read-write, read-only (got \"master\")")]
    [InlineData("a", "primary", null, "DB_TARGET_SESSION_ATTRIBUTES=primary needs several hosts in DB_HOST (Npgsql checks a server's role only among several)")]
    [InlineData("a,b", null, 0, "DB_HOST_RECHECK_SECONDS must be between 1 and 3600")]
    public void Bad_failover_settings_stop_the_start_with_one_line_each(string host, string? setting, int? recheck, string error)
    {
        var options = Options(host, setting) with { HostRecheckSeconds = recheck ?? 2 };
        Assert.Equal([error], options.Validate());
    }

    [Fact]
    public void One_host_with_a_port_keeps_its_port_and_the_connection_string_has_no_list()
    {
        var cs = new NpgsqlConnectionStringBuilder(Options("db.example:6543", null).ToConnectionString());
        Assert.Equal(("db.example", 6543), (cs.Host, cs.Port));
        Assert.Equal("u@a:5441,b:5432/farmer_crm", Options("a:5441,b", null).ToString());
    }

    [Fact]
    public async Task The_services_data_source_for_several_hosts_is_npgsqls_multi_host_one()
    {
        using var sources = new AvaOlo.Data.Hosting.DatabaseDataSources(Options("127.0.0.1:1,127.0.0.1:2", null));
        // Nothing listens on ports 1 and 2: no suitable host, an NpgsqlException the services answer with 503.
        var e = await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await sources.DataSource.OpenConnectionAsync());
        Assert.Contains("suitable host", e.Message, StringComparison.Ordinal); // the multi-host source tried each host
    }

    private static DatabaseOptions Options(string host, string? targetSession) =>
        new() { Host = host, User = "u", TargetSessionAttributes = targetSession, SslMode = "Disable" };
}
