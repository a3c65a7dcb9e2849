using Polly.CircuitBreaker;
using Polly.Timeout;

namespace AvaOlo.AgriculturalCore.WhatsApp.Outbox;

/// <summary>One send request: network failures and timeouts are transient (the outbox retries); nothing leaks a secret.</summary>
internal static class ProviderCall
{
    public static async Task<SendResult> SendAsync(HttpClient client, HttpRequestMessage request, Func<HttpResponseMessage, CancellationToken, Task<SendResult>> read,
        CancellationToken ct)
    {
        try
        {
            using var response = await client.SendAsync(request, ct);
            var result = await read(response, ct);
            return result is SendResult.Transient t ? t with { Error = Trim(t.Error) } : result is SendResult.Permanent p ? p with { Error = Trim(p.Error) } : result;
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or TimeoutRejectedException or BrokenCircuitException)
        {
            // The exception's message names the host at most; never the headers that carry the token.
            return new SendResult.Transient(e is HttpRequestException h ? $"network error: {h.HttpRequestError}" : e is BrokenCircuitException ? "circuit open" : "timed out");
        }
    }

    private static string Trim(string error) => error.Length > 500 ? error[..500] : error;
}
