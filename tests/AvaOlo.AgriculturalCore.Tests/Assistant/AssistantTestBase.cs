using System.Net;
using System.Text.Json;
using AvaOlo.Testing;

namespace AvaOlo.AgriculturalCore.Tests.Assistant;

/// <summary>The core service over seeded demo data, with or without a (fake) model.</summary>
[Collection(TestDatabaseCollection.Name)]
public abstract class AssistantTestBase(TestDatabase database) : IAsyncLifetime
{
    protected TestDatabase Database { get; } = database;
    protected Demo D { get; private set; } = null!;
    protected ServiceHost<Program> Factory { get; private set; } = null!;
    protected FakeModelServer? Model { get; private set; }

    /// <summary>True to start a fake model server and point OPENAI_BASE_URL at it.</summary>
    protected virtual bool WithModel => false;

    protected virtual Dictionary<string, string?> Settings() => [];

    public async Task InitializeAsync()
    {
        D = await Demo.CreateAsync(Database);
        var settings = Settings();
        if (WithModel)
        {
            Model = new FakeModelServer();
            settings["OPENAI_BASE_URL"] = Model.BaseUrl.ToString();
            settings["OPENAI_MODEL"] = "fake-model";
            // Generous: the first call of a test pays for JIT and connection set-up on a loaded 2-core machine.
            settings.TryAdd("LLM_TIMEOUT_SECONDS", "5");
            settings.TryAdd("LLM_DEADLINE_SECONDS", "12");
        }
        Factory = new ServiceHost<Program>(Database, settings);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (Model is not null) await Model.DisposeAsync();
    }

    protected async Task<JsonElement> AskAsync(string key, object body)
    {
        var response = await Factory.Client(key).Post("/api/v1/farmer/query", body);
        return await HttpAssert.Json(response, HttpStatusCode.OK);
    }

    protected static string Method(JsonElement r) => r.GetProperty("method").GetString()!;
    protected static string Text(JsonElement r) => r.GetProperty("response").GetString()!;
}
