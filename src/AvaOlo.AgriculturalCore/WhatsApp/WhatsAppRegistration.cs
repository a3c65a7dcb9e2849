using AvaOlo.AgriculturalCore.WhatsApp.Answering;
using AvaOlo.AgriculturalCore.WhatsApp.CloudApi;
using AvaOlo.AgriculturalCore.WhatsApp.ExpertReplies;
using AvaOlo.AgriculturalCore.WhatsApp.Inbox;
using AvaOlo.AgriculturalCore.WhatsApp.Media;
using AvaOlo.AgriculturalCore.WhatsApp.Onboarding;
using AvaOlo.AgriculturalCore.WhatsApp.Outbox;
using AvaOlo.AgriculturalCore.WhatsApp.Twilio;
using Microsoft.Extensions.Options;
using Polly;

namespace AvaOlo.AgriculturalCore.WhatsApp;

public static class WhatsAppRegistration
{
    public static IServiceCollection AddWhatsApp(this IServiceCollection services)
    {
        services.AddOptions<WhatsAppOptions>().BindConfiguration("").ValidateOnStart();
        services.AddSingleton<IValidateOptions<WhatsAppOptions>, WhatsAppOptions.Validator>();
        services.AddSingleton<ChannelCounters>();
        services.AddSingleton<ChannelSignals>();
        services.AddSingleton<ChannelHealth>();
        services.AddSingleton<AvaOlo.ServiceDefaults.IHealthChannels>(sp => sp.GetRequiredService<ChannelHealth>());
        services.AddScoped<ChannelAnswerer>();
        services.AddScoped<ReplyComposer>();
        services.AddScoped<PendingReports>();
        services.AddScoped<VoiceNotes>();
        services.AddScoped<LocationReplies>();
        services.AddSingleton<MediaFetcher>();
        services.AddSingleton<Transcriber>();
        services.AddSingleton<PhotoReader>();
        services.AddScoped<Photos>();
        services.AddScoped<SenderLimit>();
        // One attempt per call: the inbox retries the whole message with backoff. A voice note may take a while to transcribe.
        services.AddHttpClient(MediaFetcher.ClientName, c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddHttpClient(Transcriber.ClientName, c => c.Timeout = TimeSpan.FromSeconds(120));
        services.AddScoped<OnboardingConversation>();
        services.AddScoped<FarmerRegistration>();
        services.AddSingleton<IMessageSender, CloudApiSender>();
        services.AddSingleton<IMessageSender, TwilioSender>();
        foreach (var name in new[] { CloudApiSender.ClientName, TwilioSender.ClientName })
        {
            // No retry inside a call: a send the provider accepted but whose answer was lost would go out twice. The
            // outbox retries with backoff instead; here only a timeout, and a breaker so a failing provider is left alone.
            services.AddHttpClient(name).AddResilienceHandler(name, b => b
                .AddTimeout(TimeSpan.FromSeconds(10))
                .AddCircuitBreaker(new Microsoft.Extensions.Http.Resilience.HttpCircuitBreakerStrategyOptions
                {
                    MinimumThroughput = 20, FailureRatio = 0.8, BreakDuration = TimeSpan.FromSeconds(15),
                }));
        }
        services.AddHostedService<NotificationListener>();
        services.AddHostedService<InboxWorker>();
        services.AddHostedService<OutboxWorker>();
        services.AddHostedService<ExpertReplyJob>();
        return services;
    }

    public static void MapWhatsApp(this IEndpointRouteBuilder app)
    {
        app.MapCloudApiWebhook();
        app.MapTwilioWebhook();
    }
}
