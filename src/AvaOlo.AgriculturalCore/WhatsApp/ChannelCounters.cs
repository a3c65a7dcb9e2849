namespace AvaOlo.AgriculturalCore.WhatsApp;

/// <summary>
/// This instance's webhook counters for /health. Losing them on a restart is harmless: the durable figures (queue
/// depth, failures, last message) come from the inbox and outbox tables.
/// </summary>
public sealed class ChannelCounters
{
    private long _signatureFailures;
    private long _received;

    public long SignatureFailures => Interlocked.Read(ref _signatureFailures);
    public long MessagesReceived => Interlocked.Read(ref _received);

    public void SignatureFailed() => Interlocked.Increment(ref _signatureFailures);

    public void Received(int messages) => Interlocked.Add(ref _received, messages);
}
