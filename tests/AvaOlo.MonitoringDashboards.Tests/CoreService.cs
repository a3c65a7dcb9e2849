extern alias core;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace AvaOlo.MonitoringDashboards.Tests;

/// <summary>The agricultural core on real Kestrel over the same test database, with an admin key, as the farmers' side.</summary>
public sealed class CoreService : IAsyncDisposable
{
    private readonly ServiceHost<core::Program> _app;
    private readonly HttpClient _http;

    private CoreService(ServiceHost<core::Program> app, HttpClient http) => (_app, _http) = (app, http);

    public static async Task<CoreService> StartAsync(TestDatabase database, Uri? modelUrl = null, bool skipsReview = false)
    {
        var settings = new Dictionary<string, string?>();
        if (modelUrl is not null)
        {
            settings["OPENAI_BASE_URL"] = modelUrl.ToString();
            settings["OPENAI_MODEL"] = "fake-model";
            settings["LLM_TIMEOUT_SECONDS"] = "5";
            settings["LLM_DEADLINE_SECONDS"] = "10";
        }
        var app = new ServiceHost<core::Program>(database.Environment(), settings);
        string key;
        await using (var db = database.CreateContext())
            key = await TestRecords.KeyAsync(db, "e2e-admin", null, skipsReview, ApiScopes.Admin);
        var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return new CoreService(app, http);
    }

    /// <summary>POST /api/v1/farmer/query; the JSON answer (fails the test on any status but 200).</summary>
    public async Task<JsonElement> AskAsync(object body)
    {
        using var response = await _http.PostAsJsonAsync("/api/v1/farmer/query", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }
}
