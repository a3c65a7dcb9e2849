using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AvaOlo.Data.Configurations;

internal sealed class InboundMessageConfiguration : IEntityTypeConfiguration<InboundMessage>
{
    public void Configure(EntityTypeBuilder<InboundMessage> b)
    {
        b.ToTable("whatsapp_inbox");
        b.Property(m => m.Provider).HasMaxLength(16);
        b.Property(m => m.ProviderMessageId).HasMaxLength(128);
        b.Property(m => m.Sender).HasMaxLength(20);
        b.Property(m => m.SenderCountry).HasMaxLength(2).IsFixedLength();
        b.Property(m => m.Recipient).HasMaxLength(64);
        b.Property(m => m.Type).HasMaxLength(32);
        b.Property(m => m.Payload).HasColumnType("jsonb");
        b.Property(m => m.State).HasMaxLength(16);
        b.Property(m => m.LockedBy).HasMaxLength(128);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.Property(m => m.MediaRef).HasMaxLength(2048);
        b.Property(m => m.MediaType).HasMaxLength(128);
        b.Property(m => m.Transcript).HasMaxLength(8000);
        b.Property(m => m.TranscriptLanguage).HasMaxLength(16);
        b.Property(m => m.ReviewFlag).HasMaxLength(32);
        // The provider delivers at least once: the second copy of a message is refused here (INSERT … ON CONFLICT DO NOTHING).
        b.HasIndex(m => new { m.Provider, m.ProviderMessageId }).IsUnique();
        // The workers' claim: pending messages, oldest first per sender, without scanning answered ones.
        b.HasIndex(m => new { m.Provider, m.Sender, m.Id }).HasDatabaseName("ix_whatsapp_inbox_pending").HasFilter("state = 'pending'");
        // The 24-hour window: the sender's last message.
        b.HasIndex(m => new { m.Provider, m.Sender, m.ReceivedAt });
        b.HasIndex(m => m.ReceivedAt);
        b.HasOne<Farmer>().WithMany().HasForeignKey(m => m.FarmerId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> b)
    {
        b.ToTable("whatsapp_outbox");
        b.Property(m => m.Provider).HasMaxLength(16);
        b.Property(m => m.Recipient).HasMaxLength(20);
        b.Property(m => m.Kind).HasMaxLength(16);
        b.Property(m => m.Buttons).HasColumnType("jsonb");
        b.Property(m => m.Status).HasMaxLength(16);
        b.Property(m => m.SentAs).HasMaxLength(16);
        b.Property(m => m.SkipReason).HasMaxLength(500);
        b.Property(m => m.LockedBy).HasMaxLength(128);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.Property(m => m.ProviderMessageId).HasMaxLength(128);
        // Exactly one answer per received message, however often it is processed.
        b.HasIndex(m => new { m.InboxId, m.Part }).IsUnique();
        // …and one copy of each part of an expert's text, however many instances queue it.
        b.HasIndex(m => new { m.ConversationId, m.Part }).IsUnique();
        b.HasIndex(m => new { m.Provider, m.ProviderMessageId }).IsUnique().HasFilter("provider_message_id IS NOT NULL");
        b.HasIndex(m => new { m.Provider, m.Recipient, m.Id }).HasDatabaseName("ix_whatsapp_outbox_queued").HasFilter("status = 'queued'");
        b.HasIndex(m => m.CreatedAt);
        b.HasOne<InboundMessage>().WithMany().HasForeignKey(m => m.InboxId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeliveryStatusEventConfiguration : IEntityTypeConfiguration<DeliveryStatusEvent>
{
    public void Configure(EntityTypeBuilder<DeliveryStatusEvent> b)
    {
        b.ToTable("whatsapp_status_events");
        b.Property(e => e.Provider).HasMaxLength(16);
        b.Property(e => e.ProviderMessageId).HasMaxLength(128);
        b.Property(e => e.Status).HasMaxLength(16);
        b.Property(e => e.Error).HasMaxLength(2000);
        b.HasIndex(e => new { e.Provider, e.ProviderMessageId, e.Status }).IsUnique();
    }
}

internal sealed class WhatsAppContactConfiguration : IEntityTypeConfiguration<WhatsAppContact>
{
    public void Configure(EntityTypeBuilder<WhatsAppContact> b)
    {
        b.ToTable("whatsapp_contacts");
        b.Property(c => c.Phone).HasMaxLength(20);
        b.Property(c => c.Step).HasMaxLength(16);
        b.Property(c => c.Language).HasMaxLength(8);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.FarmName).HasMaxLength(200);
        // One row per number: concurrent first messages meet in INSERT … ON CONFLICT (phone).
        b.HasIndex(c => c.Phone).IsUnique();
        b.HasIndex(c => c.FarmerId);
        b.HasOne<Farmer>().WithMany().HasForeignKey(c => c.FarmerId).OnDelete(DeleteBehavior.SetNull);
    }
}
