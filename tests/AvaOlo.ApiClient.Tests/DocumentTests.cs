using System.Text.Json.Nodes;
using AvaOlo.Testing;

namespace AvaOlo.ApiClient.Tests;

/// <summary>The committed client is the one the current document generates: its source document is the one served.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class DocumentTests(TestDatabase database) : IAsyncLifetime
{
    private ServiceHost<Program> _core = null!;

    public Task InitializeAsync()
    {
        _core = new ServiceHost<Program>(database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task The_committed_document_is_the_one_the_service_serves()
    {
        using var http = new HttpClient();
        var served = JsonNode.Parse(await http.GetStringAsync(new Uri(_core.BaseAddress, "/openapi/v1.json")))!.AsObject();
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "openapi.json")))!.AsObject();
        // The served server URL is this test's host and port; the committed one is fixed by the generation script.
        served.Remove("servers");
        committed.Remove("servers");
        Assert.True(JsonNode.DeepEquals(served, committed),
            "tests/AvaOlo.ApiClient.Tests/openapi.json differs from /openapi/v1.json: run scripts/generate-api-client.sh and commit the result");
    }
}
