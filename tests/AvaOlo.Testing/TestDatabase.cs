using AvaOlo.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;
using Xunit;

namespace AvaOlo.Testing;

/// <summary>
/// One fresh database per test run (per test assembly), created on the server named by AVAOLO_TEST_DB (an
/// Npgsql connection string whose user may CREATE DATABASE; test.sh sets it), migrated with the real
/// migrator, reset with Respawn before each test and dropped at the end.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private Respawner? _respawner;

    public DatabaseOptions Options { get; private set; } = null!;
    public string ConnectionString => Options.ToConnectionString();

    public async Task InitializeAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString());
        var name = $"avaolo_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..8]}";
        Options = new DatabaseOptions
        {
            Host = server.Host, Port = server.Port, Name = name, User = server.Username, Password = server.Password,
            SslMode = "Disable",
        };
        await Migrator.MigrateAsync(Options, _ => { }, CancellationToken.None);
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        _respawner = await Respawner.CreateAsync(conn, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            // The dashboards' key ring outlives every test, as it outlives deploys: a running instance caches its keys,
            // and a wipe would leave the next instance to start making a ring of its own that the first cannot read.
            TablesToIgnore = ["__EFMigrationsHistory", "data_protection_keys"],
        });
    }

    /// <summary>Empties every table and puts the reference catalogue back: each test starts from the same state.</summary>
    public async Task ResetAsync()
    {
        await using (var conn = new NpgsqlConnection(ConnectionString))
        {
            await conn.OpenAsync();
            await _respawner!.ResetAsync(conn);
        }
        await using var db = CreateContext();
        await ReferenceData.EnsureAsync(db, CancellationToken.None);
    }

    public AvaOloDbContext CreateContext(AuditActor? actor = null) =>
        new(new DbContextOptionsBuilder<AvaOloDbContext>().UseNpgsql(ConnectionString).UseSnakeCaseNamingConvention().Options, actor);

    /// <summary>Environment variables a service or CLI process needs to use this database.</summary>
    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>
    {
        ["DB_HOST"] = Options.Host!, ["DB_PORT"] = Options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DB_NAME"] = Options.Name, ["DB_USER"] = Options.User!, ["DB_PASSWORD"] = Options.Password ?? "", ["DB_SSL_MODE"] = "Disable",
    };

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(ServerConnectionString());
        await conn.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Options.Name}\" WITH (FORCE)", conn);
        await drop.ExecuteNonQueryAsync();
    }

    private static string ServerConnectionString()
    {
        var cs = System.Environment.GetEnvironmentVariable("AVAOLO_TEST_DB");
        if (string.IsNullOrWhiteSpace(cs))
            throw new InvalidOperationException(
                "AVAOLO_TEST_DB is not set. Run ./test.sh, which starts PostgreSQL and sets it, or set it to an Npgsql " +
                "connection string for a user that may create databases, e.g. Host=127.0.0.1;Username=avaolo;Password=…");
        return new NpgsqlConnectionStringBuilder(cs) { Database = "postgres", Pooling = false }.ConnectionString;
    }
}

// xunit v2 only honours collection definitions in the test assembly itself, so each test project declares:
//   [CollectionDefinition("database")] public sealed class DatabaseCollection : ICollectionFixture<TestDatabase>;
