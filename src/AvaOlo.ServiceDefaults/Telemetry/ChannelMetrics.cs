using System.Diagnostics.Metrics;

namespace AvaOlo.ServiceDefaults.Telemetry;

/// <summary>
/// The WhatsApp channel's metrics, declared once for both services: the core records them (webhook and outbox), the
/// dashboards read their per-minute rollups (admin page, /api/health, the send-failure alarm). Being rollups in
/// PostgreSQL, the figures add up over every instance, unlike a per-instance counter. Labelled by provider (meta,
/// twilio), which is the only tag kept.
/// </summary>
public static class ChannelMetrics
{
    private static readonly Meter Meter = RolledUpMetric.CreateMeter();

    /// <summary>Webhooks refused for a missing or wrong signature (X-Hub-Signature-256, X-Twilio-Signature).</summary>
    public static readonly RolledUpMetric SignatureFailures = new("avaolo.whatsapp.signature_failures", RollupKind.Sum)
    {
        LabelTag = "provider",
        Emf = [new("WhatsAppSignatureFailures", "Count", s => s.Count)],
    };

    /// <summary>Messages the outbox gave up on: refused by the provider, or still failing after the last retry.</summary>
    public static readonly RolledUpMetric SendFailures = new("avaolo.whatsapp.send_failures", RollupKind.Sum)
    {
        LabelTag = "provider",
        Emf = [new("WhatsAppSendFailures", "Count", s => s.Count)],
    };

    public static readonly RolledUpMetric[] All = [SignatureFailures, SendFailures];

    private static readonly Counter<long> SignatureFailureCount =
        Meter.CreateCounter<long>(SignatureFailures.Instrument, description: "WhatsApp webhooks refused for their signature");
    private static readonly Counter<long> SendFailureCount =
        Meter.CreateCounter<long>(SendFailures.Instrument, description: "WhatsApp messages that could not be sent");

    public static void RecordSignatureFailure(string provider) => SignatureFailureCount.Add(1, new KeyValuePair<string, object?>("provider", provider));

    public static void RecordSendFailure(string provider) => SendFailureCount.Add(1, new KeyValuePair<string, object?>("provider", provider));
}
