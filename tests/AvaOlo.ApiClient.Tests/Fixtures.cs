using AvaOlo.Data;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace AvaOlo.ApiClient.Tests;

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<TestDatabase>
{
    public const string Name = "database";
}

/// <summary>A Croatian wheat farmer with one field and a farmer key, and another farmer with a field of their own.</summary>
public sealed record Farm(int FarmerId, string Key, int OtherFarmerId)
{
    public static async Task<Farm> CreateAsync(TestDatabase database)
    {
        await database.ResetAsync();
        await using var db = database.CreateContext();
        var farmer = TestRecords.Marko();
        var other = TestRecords.Ana();
        db.Farmers.AddRange(farmer, other);
        await db.SaveChangesAsync();
        db.Fields.AddRange(new Field { FarmerId = farmer.Id, Name = "Mota", AreaHa = 3.5m }, new Field { FarmerId = other.Id, Name = "Njiva pri hiši", AreaHa = 0.82m });
        await db.SaveChangesAsync();
        return new Farm(farmer.Id, await TestRecords.KeyAsync(db, "farmer app", farmer.Id, ApiScopes.FarmerDefault), other.Id);
    }
}

/// <summary>The generated client as an application would build it: Kiota's HTTP adapter with the API key as bearer token.</summary>
public static class Clients
{
    public static AvaOloClient For(ServiceHost<Program> core, string apiKey) =>
        new(new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new ApiKeyToken(apiKey))) { BaseUrl = core.BaseAddress.ToString().TrimEnd('/') });

    private sealed class ApiKeyToken(string key) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default) => Task.FromResult(key);
    }
}
