using AvaOlo.Testing;

namespace AvaOlo.AgriculturalCore.Tests;

/// <summary>A fresh world per test, one running service per test class.</summary>
[Collection(TestDatabaseCollection.Name)]
public abstract class ApiTestBase(TestDatabase database) : IAsyncLifetime
{
    protected TestDatabase Database { get; } = database;
    protected ServiceHost<Program> Factory { get; private set; } = null!;
    protected World W { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync()
    {
        W = await World.CreateAsync(Database);
        Factory = new ServiceHost<Program>(Database, Settings);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    protected HttpClient Admin => Factory.Client(W.AdminKey);
    protected HttpClient AsA => Factory.Client(W.KeyA);
    protected HttpClient AsB => Factory.Client(W.KeyB);
    protected HttpClient Anonymous => Factory.Client();
}
