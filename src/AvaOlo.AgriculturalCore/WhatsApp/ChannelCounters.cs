namespace AvaOlo.AgriculturalCore.WhatsApp;

/// <summary>
/// This instance's webhook counters for /health. Losing them on a restart is harmless: the durable figures (queue
/// depth, failures, last message) come from the inbox and outbox tables, and signature failures also go to the
/// avaolo.whatsapp.signature_failures metric, whose rollups the dashboards add up over every instance.
/// </summary>
public sealed class ChannelCounters
{
    private long _signatureFailures;
    private long _received;

    public long SignatureFailures => Interlocked.Read(ref _signatureFailures);
    public long MessagesReceived => Interlocked.Read(ref _received);

    public void SignatureFailed(string provider)
    {
        Interlocked.Increment(ref _signatureFailures);
        AvaOlo.ServiceDefaults.Telemetry.ChannelMetrics.RecordSignatureFailure(provider);
    }

    public void Received(int messages) => Interlocked.Add(ref _received, messages);
}
