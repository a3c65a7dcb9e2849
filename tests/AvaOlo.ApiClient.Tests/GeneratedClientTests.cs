using AvaOlo.ApiClient.Models;
using AvaOlo.Testing;
using Microsoft.Kiota.Abstractions;

namespace AvaOlo.ApiClient.Tests;

/// <summary>
/// The Kiota client generated from /openapi/v1.json calls fields, crops, tasks and the assistant on the running core
/// service: the document is complete enough for a client nobody here wrote by hand.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class GeneratedClientTests(TestDatabase database) : IAsyncLifetime
{
    private ServiceHost<Program> _core = null!;
    private Farm _farm = null!;

    public async Task InitializeAsync()
    {
        _farm = await Farm.CreateAsync(database);
        _core = new ServiceHost<Program>(database);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task Fields_crops_and_tasks_round_trip()
    {
        var client = Clients.For(_core, _farm.Key);
        var farmer = client.Api.V1.Farmer[_farm.FarmerId];

        var added = await farmer.Fields.PostAsync(new FieldRequest { Name = "Nova njiva", AreaHa = 1.25 });
        Assert.Equal("Nova njiva", added!.Name);
        var fields = await farmer.Fields.GetAsync();
        Assert.Equal(["Mota", "Nova njiva"], fields!.Fields!.Select(f => f.Name));
        Assert.Equal(2, fields.Count);
        Assert.Equal(4.75, fields.TotalAreaHa);

        var season = DateTime.UtcNow.Year;
        await client.Api.V1.Fields[added.Id!.Value].Plantings.PostAsync(new PlantingRequest { CropName = "pšenica", SeasonYear = season, Status = "growing" });
        var crops = await farmer.Crops.GetAsync(c => c.QueryParameters.Season = season);
        var wheat = Assert.Single(crops!.Crops!);
        Assert.Equal(("pšenica", "Nova njiva", 1.25), (wheat.CropName, wheat.Field!.Name, wheat.Field.AreaHa));
        Assert.Equal(season, crops.Season);

        var prosaro = (await client.Api.V1.Materials.GetAsync(c => c.QueryParameters.CountryCode = "HR"))!.Single(m => m.Name == "Prosaro 250 EC");
        var threeDaysAgo = DateTime.UtcNow.AddDays(-3);
        var doneOn = new Date(threeDaysAgo.Year, threeDaysAgo.Month, threeDaysAgo.Day);
        var task = await farmer.Tasks.PostAsync(new TaskRequest
        {
            Type = "spraying", Status = "done", DoneOn = doneOn, FieldIds = [added.Id],
            Materials = [new TaskMaterialRequest { MaterialId = prosaro.Id, Dose = 1.0 }],
        });
        var done = await farmer.Tasks.GetAsync(c => (c.QueryParameters.Status, c.QueryParameters.From) = ("done", new Date(DateTime.UtcNow.AddDays(-10))));
        var listed = Assert.Single(done!.Items!);
        Assert.Equal(task!.Id, listed.Id);
        Assert.Equal(doneOn, listed.DoneOn);
        Assert.Equal("Nova njiva", Assert.Single(listed.Fields!).Name);
        Assert.Equal("Prosaro 250 EC", Assert.Single(listed.Materials!).Name);
    }

    [Fact]
    public async Task The_assistant_answers_from_the_farmers_records()
    {
        var client = Clients.For(_core, _farm.Key);
        var answer = await client.Api.V1.Farmer.Query.PostAsync(new QueryRequest { Query = "Koliko polja imam?" });
        Assert.Equal(("offline", "hr", "HR"), (answer!.Method, answer.Language, answer.CountryCode));
        Assert.Contains("Mota", answer.Response, StringComparison.Ordinal);
        Assert.DoesNotContain("Njiva pri hiši", answer.Response, StringComparison.Ordinal);
        Assert.True(answer.ConstitutionalCompliance!.Passed);
        Assert.Contains(answer.Sources!, s => s.Type == "field" && s.Title == "Mota");
        Assert.NotNull(answer.Metadata!.ConversationId);
        Assert.Equal("farmer_preference", answer.Metadata.LanguageSource);
    }

    [Fact]
    public async Task Errors_arrive_as_typed_problem_details()
    {
        var client = Clients.For(_core, _farm.Key);
        var notFound = await Assert.ThrowsAsync<ProblemDetails>(() => client.Api.V1.Farmer[_farm.OtherFarmerId].Fields.GetAsync());
        Assert.Equal((404, 404), (notFound.ResponseStatusCode, notFound.Status));
        Assert.Contains("may access", notFound.Detail, StringComparison.Ordinal);

        var invalid = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() =>
            client.Api.V1.Farmer[_farm.FarmerId].Fields.PostAsync(new FieldRequest { Name = "Prazna", AreaHa = 0 }));
        Assert.Equal(400, invalid.ResponseStatusCode);
        Assert.Contains("area_ha", invalid.Errors!.AdditionalData.Keys);

        var anonymous = new AvaOloClient(new Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter(
            new Microsoft.Kiota.Abstractions.Authentication.AnonymousAuthenticationProvider()) { BaseUrl = _core.BaseAddress.ToString().TrimEnd('/') });
        Assert.Equal(401, (await Assert.ThrowsAsync<ProblemDetails>(() => anonymous.Api.V1.Farmer.Query.PostAsync(new QueryRequest { Query = "x" }))).ResponseStatusCode);
    }
}
