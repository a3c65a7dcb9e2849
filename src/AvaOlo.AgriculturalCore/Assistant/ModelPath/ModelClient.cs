using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Http.Resilience;
using OpenAI;
using Polly;
using Polly.CircuitBreaker;

namespace AvaOlo.AgriculturalCore.Assistant.ModelPath;

/// <summary>
/// The one IChatClient of this instance (or none when no model is configured), over an HttpClient with a
/// per-call timeout, retries with backoff for transient failures, and a circuit breaker whose state is visible.
/// </summary>
public sealed class ModelClient
{
    public const string HttpClientName = "llm";

    public ModelClient(AssistantOptions options, IHttpClientFactory http, CircuitBreakerStateProvider circuit, Checks.FarmerNames farmerNames)
    {
        Options = options;
        Circuit = circuit;
        if (!options.ModelConfigured) return;
        var transport = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http.CreateClient(HttpClientName)),
            RetryPolicy = new ClientRetryPolicy(0), // retries live in the resilience handler, once
            NetworkTimeout = options.Deadline,
        };
        if (options.BaseUrl is not null) transport.Endpoint = options.BaseUrl;
        // A local OpenAI-compatible server needs no key, but the SDK insists on a credential.
        var chat = new OpenAI.Chat.ChatClient(options.Model, new ApiKeyCredential(options.ApiKey ?? "not-needed"), transport);
        // Outermost first: the function-invoking client runs the tools, and each model call it makes — tool results
        // included — is redacted on the way out.
        Client = new ChatClientBuilder(chat.AsIChatClient())
            .UseFunctionInvocation(configure: f => f.MaximumIterationsPerRequest = 6)
            .Use(inner => new Privacy.RedactingChatClient(inner, farmerNames))
            .Build();
    }

    public AssistantOptions Options { get; }
    public IChatClient? Client { get; }
    public CircuitBreakerStateProvider Circuit { get; }

    /// <summary>Closed or half-open: worth trying. Open: fail fast to the offline assistant.</summary>
    public bool Available => Client is not null && Options.LlmFirst && Circuit.CircuitState is not (CircuitState.Open or CircuitState.Isolated);

    public static void Register(IServiceCollection services)
    {
        var circuit = new CircuitBreakerStateProvider();
        services.AddSingleton(circuit);
        services.AddHttpClient(HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("llm", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<AssistantOptions>();
                pipeline
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = 2, BackoffType = DelayBackoffType.Exponential, UseJitter = true, Delay = TimeSpan.FromMilliseconds(250),
                    })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = 0.5, MinimumThroughput = 4, SamplingDuration = TimeSpan.FromSeconds(30),
                        BreakDuration = TimeSpan.FromSeconds(30), StateProvider = circuit,
                    })
                    .AddTimeout(options.CallTimeout);
            });
        services.AddSingleton<ModelClient>();
    }
}
