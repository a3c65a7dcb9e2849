using AvaOlo.AgriculturalCore.Assistant.AgronomistKnowledge;
using AvaOlo.AgriculturalCore.Assistant.Catalogue;
using AvaOlo.AgriculturalCore.Assistant.Checks;
using AvaOlo.AgriculturalCore.Assistant.Confirmations;
using AvaOlo.AgriculturalCore.Assistant.Limits;
using AvaOlo.AgriculturalCore.Assistant.Exchanges;
using AvaOlo.AgriculturalCore.Assistant.FarmFacts;
using AvaOlo.AgriculturalCore.Assistant.Languages;
using AvaOlo.AgriculturalCore.Assistant.ModelPath;
using AvaOlo.AgriculturalCore.Assistant.RuleBased;
using AvaOlo.AgriculturalCore.Assistant.SelfTests;
using AvaOlo.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AvaOlo.AgriculturalCore.Assistant;

public static class AssistantRegistration
{
    public static IServiceCollection AddAssistant(this IServiceCollection services)
    {
        // Bound from the root configuration (the operators' flat variable names), validated at start.
        services.AddOptions<AssistantOptions>().BindConfiguration("").ValidateOnStart();
        services.AddSingleton<IValidateOptions<AssistantOptions>, AssistantOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AssistantOptions>>().Value);

        services.AddSingleton<LanguageDetection>();
        services.AddSingleton<ReplyLanguages>();
        ModelClient.Register(services);
        services.AddSingleton<ModelCaller>();
        services.AddSingleton<FarmerNames>();
        services.AddSingleton<AnswerChecker>();
        services.AddSingleton<ExchangeStore>();
        services.AddSingleton<ReferenceCatalogue>();
        services.AddHostedService<RuleBased.Understanding.IntentModelWarmUp>();
        services.AddSingleton<KnowledgeLookup>();
        // DbContexts for the assistant's rarer EF reads and the model's writes, made from the request's scope: each gets
        // the request's AuditActor (the API key that asked), exactly as the scoped DbContext of any endpoint does. No
        // options here: they are AddAvaOloDatabase's.
        services.AddDbContextFactory<AvaOloDbContext>(lifetime: ServiceLifetime.Scoped);
        services.AddScoped<FarmFactReader>();
        services.AddScoped<FarmToolbox>();
        services.AddScoped<Proposals>();
        services.AddScoped<ProposalExecutor>();
        services.AddScoped<ConfirmationStage>();
        services.AddSingleton<ModelBudget>();
        services.AddScoped<ModelAnswerer>();
        services.AddScoped<RuleBasedAnswerer>();
        services.AddScoped<QueryPipeline>();
        services.AddHybridCache(o =>
        {
            o.MaximumPayloadBytes = 256 * 1024;
            o.MaximumKeyLength = 256;
        });
        services.AddSingleton<AnswerCache>();
        services.AddScoped<SelfTestRunner>();
        return services;
    }
}
