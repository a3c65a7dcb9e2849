using AvaOlo.AgriculturalCore.Assistant;
using AvaOlo.AgriculturalCore.Knowledge;
using AvaOlo.AgriculturalCore.Localization;
using AvaOlo.AgriculturalCore.Offline;
using Microsoft.Extensions.Options;

namespace AvaOlo.AgriculturalCore.Query;

public static class AssistantRegistration
{
    public static IServiceCollection AddAssistant(this IServiceCollection services)
    {
        // Read from IConfiguration when first needed (after every configuration source is in), validated at start.
        services.AddSingleton<IOptionsFactory<AssistantOptions>, AssistantOptionsFactory>();
        services.AddOptions<AssistantOptions>().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AssistantOptions>>().Value);

        services.AddSingleton<LanguageDetection>();
        ModelClient.Register(services);
        services.AddSingleton<LlmAssistant>();
        services.AddSingleton<Constitution.FarmerNames>();
        services.AddSingleton<ExchangeStore>();
        services.AddSingleton<ReferenceCatalogue>();
        services.AddScoped<FarmKnowledge>();
        services.AddScoped<OfflineAssistant>();
        services.AddScoped<QueryPipeline>();
        services.AddHybridCache(o =>
        {
            o.MaximumPayloadBytes = 256 * 1024;
            o.MaximumKeyLength = 256;
        });
        services.AddSingleton<AnswerCache>();
        services.AddScoped<SelfTests.SelfTestRunner>();
        return services;
    }

    private sealed class AssistantOptionsFactory(IConfiguration config) : IOptionsFactory<AssistantOptions>
    {
        public AssistantOptions Create(string name)
        {
            var (options, errors) = AssistantOptions.From(k => config[k]);
            if (errors.Count > 0) throw new OptionsValidationException(name, typeof(AssistantOptions), errors);
            return options;
        }
    }
}
