using AvaOlo.AgriculturalCore.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace AvaOlo.AgriculturalCore.DataRights;

public static class DataRightsRegistration
{
    public static IServiceCollection AddDataRights(this IServiceCollection services)
    {
        services.AddSingleton<IOptionsFactory<DataRightsOptions>, DataRightsOptionsFactory>();
        services.AddOptions<DataRightsOptions>().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DataRightsOptions>>().Value);
        services.AddAuthorizationBuilder().AddDataRightsPolicies();
        services.AddSingleton<IAuthorizationHandler, DeleteOrEraseHandler>();
        services.AddSingleton<ConsentLedger>();
        services.AddSingleton<ErasureJob>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService<DataRightsJobs>();
        return services;
    }

    /// <summary>The farmer's own key (records:read to read, records:write to erase) or an admin key; another farmer's id is a 404.</summary>
    public static void MapDataRights(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/farmer/{id}").WithTags("Data rights").WithApiErrors().WithMetadata(FarmerRouteMarker.Instance);
        group.MapGet("/export", ExportEndpoint.ExportAsync).RequireAuthorization(DataRightsPolicies.Export)
            .Produces(StatusCodes.Status200OK, (Type?)null, "application/json", "application/zip")
            .WithName("ExportFarmerData")
            .WithSummary("Everything we hold about the farmer: one JSON document, or ?format=zip for one CSV per table")
            .WithDescription("GDPR art. 15 and 20. The farmer's own key or an admin key. Secret key hashes are never exported; our staff's names are withheld.");
        group.MapDelete("", ErasureEndpoints.ScheduleAsync).RequireAuthorization(DataRightsPolicies.Erase)
            .WithName("EraseFarmer")
            .WithSummary("Erase the farmer and all their data (?erase=true): scheduled after ERASURE_GRACE_DAYS, cancellable until then")
            .WithDescription("GDPR art. 17. Answers 202 with the scheduled erasure; the audit trail keeps its rows with their snapshots blanked.");
        group.MapGet("/erasure", ErasureEndpoints.GetAsync).RequireAuthorization(DataRightsPolicies.Export)
            .WithName("GetFarmerErasure")
            .WithSummary("The farmer's scheduled erasure, if any")
            .WithDescription("404 when no erasure is scheduled.");
        group.MapDelete("/erasure", ErasureEndpoints.CancelAsync).RequireAuthorization(DataRightsPolicies.Erase)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CancelFarmerErasure")
            .WithSummary("Cancel the farmer's scheduled erasure")
            .WithDescription("409 when the erasure has already been carried out.");
    }

    private sealed class DataRightsOptionsFactory(IConfiguration config) : IOptionsFactory<DataRightsOptions>
    {
        public DataRightsOptions Create(string name)
        {
            var (options, errors) = DataRightsOptions.From(k => config[k]);
            if (errors.Count > 0) throw new OptionsValidationException(name, typeof(DataRightsOptions), errors);
            return options;
        }
    }
}
