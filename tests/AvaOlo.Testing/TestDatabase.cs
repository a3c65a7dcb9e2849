using AvaOlo.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;
using Xunit;

namespace AvaOlo.Testing;

/// <summary>
/// One fresh database per test run (per test assembly), created on the server named by AVAOLO_TEST_DB (an
/// Npgsql connection string whose user may CREATE DATABASE and CREATE ROLE; test.sh sets it), migrated with the
/// real migrator, reset with Respawn before each test and dropped at the end. As in production, the migration runs
/// as the owner and the services get the DML-only role <see cref="ServiceRoleName"/> (<see cref="Environment"/>).
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private Respawner? _respawner;

    /// <summary>Roles are per server: every test database on it grants this one role.</summary>
    public const string ServiceRoleName = "avaolo_test_app";

    /// <summary>The owner's login: migrations, Respawn, and the tests' own setup and checks.</summary>
    public DatabaseOptions Options { get; private set; } = null!;
    public string ConnectionString => Options.ToConnectionString();

    /// <summary>The services' login: SELECT, INSERT, UPDATE, DELETE only.</summary>
    public DatabaseOptions ServiceOptions => Options with { User = ServiceRole.User, Password = ServiceRole.Password };
    public ServiceRole ServiceRole { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString());
        var name = $"avaolo_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..8]}";
        Options = new DatabaseOptions
        {
            Host = server.Host, Port = server.Port, Name = name, User = server.Username, Password = server.Password,
            SslMode = "Disable",
            // Test set-up shares 2 cores with parallel test assemblies and builds: the services' 3 s connect timeout
            // (fail fast in production) made whole assemblies fail before their first test at load ~50.
            ConnectTimeoutSeconds = 15,
        };
        ServiceRole = new(ServiceRoleName, DerivedPassword(server.Password));
        await Migrator.MigrateAsync(Options, _ => { }, CancellationToken.None, ServiceRole);
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

    /// <summary>Environment variables a service or CLI process needs to use this database, as the services' DML-only role.</summary>
    public IReadOnlyDictionary<string, string> Environment() => Env(ServiceOptions);

    /// <summary>What `avaolo migrate` gets: the owner's login and the services' role to grant.</summary>
    public IReadOnlyDictionary<string, string> OwnerEnvironment() => new Dictionary<string, string>(Env(Options))
    {
        ["DB_APP_USER"] = ServiceRole.User, ["DB_APP_PASSWORD"] = ServiceRole.Password!,
    };

    private static Dictionary<string, string> Env(DatabaseOptions o) => new()
    {
        ["DB_HOST"] = o.Host!, ["DB_PORT"] = o.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DB_NAME"] = o.Name, ["DB_USER"] = o.User!, ["DB_PASSWORD"] = o.Password ?? "", ["DB_SSL_MODE"] = "Disable",
    };

    /// <summary>
    /// A stable password for the shared test role, derived from the owner's: every test run on the server, in any
    /// checkout, computes the same one, so concurrent runs never change it under each other. Whoever knows the owner's
    /// password may do more than this role anyway.
    /// </summary>
    private static string DerivedPassword(string? ownerPassword) =>
        "t" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{ServiceRoleName}\n{ownerPassword}")))[..31].ToLowerInvariant();

    /// <summary>Drops the run's database (see <see cref="DropAsync"/>).</summary>
    public Task DisposeAsync() => DropAsync(ServerConnectionString(), Options.Name);

    /// <summary>
    /// Drops a test database from the server the connection string names. Clean-up is not a test: on a loaded machine
    /// the drop can time out, or meet a backend of another role still closing (42501: only its role may terminate it),
    /// and failing a test or an assembly whose checks all passed would hide the real result. So it is retried, then
    /// left with a warning.
    /// </summary>
    public static async Task DropAsync(string serverConnectionString, string name)
    {
        NpgsqlConnection.ClearAllPools();
        var cs = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false, Timeout = 60, CommandTimeout = 120 }.ConnectionString;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var conn = new NpgsqlConnection(cs);
                await conn.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (Exception e) when ((e is NpgsqlException or TimeoutException) && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                await Console.Error.WriteLineAsync($"warning: could not drop test database {name} ({e.Message}); drop it by hand");
                return;
            }
        }
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
