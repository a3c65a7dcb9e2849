using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AvaOlo.Data.Configurations;

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> b)
    {
        b.Property(c => c.Purpose).HasMaxLength(64);
        b.Property(c => c.TextVersion).HasMaxLength(32);
        b.Property(c => c.Channel).HasMaxLength(16);
        b.HasIndex(c => new { c.FarmerId, c.Purpose });
        // Recording the same consent twice (a retried webhook) must not make two active rows: the insert relies on this.
        b.HasIndex(c => new { c.FarmerId, c.Purpose, c.TextVersion }, "ix_consents_active").IsUnique()
            .HasDatabaseName("ix_consents_active").HasFilter("withdrawn_at IS NULL");
        b.HasOne<Farmer>().WithMany().HasForeignKey(c => c.FarmerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> b)
    {
        b.Property(e => e.Status).HasMaxLength(16);
        b.Property(e => e.RequestedBy).HasMaxLength(64);
        b.Property(e => e.CancelledBy).HasMaxLength(64);
        b.HasIndex(e => e.FarmerId);
        // At most one pending erasure per farmer: asking again returns the one already scheduled.
        b.HasIndex(e => e.FarmerId, "ix_erasure_requests_scheduled").IsUnique().HasDatabaseName("ix_erasure_requests_scheduled").HasFilter("status = 'scheduled'");
        // The job's claim reads only what is due.
        b.HasIndex(e => e.EraseAfter, "ix_erasure_requests_due").HasDatabaseName("ix_erasure_requests_due").HasFilter("status = 'scheduled'");
        // Deliberately no foreign key: erasure deletes the farmer row, and this row stays as the record that it happened.
        b.Property(e => e.Status).IsConcurrencyToken(); // a cancel that loses the race with the job must not "cancel" a done erasure
        b.ToTable(t => t.HasCheckConstraint("ck_erasure_requests_status", "status IN ('scheduled', 'cancelled', 'executed')"));
    }
}

/// <summary>
/// Export and erasure find a farmer's model calls by farmer id; without this index each would scan the whole log.
/// Kept apart from the assistant's own configuration of the table.
/// </summary>
internal sealed class LlmCallDataRightsIndexes : IEntityTypeConfiguration<LlmCall>
{
    public void Configure(EntityTypeBuilder<LlmCall> b) =>
        b.HasIndex(l => l.FarmerId, "ix_llm_debug_log_farmer_id").HasDatabaseName("ix_llm_debug_log_farmer_id");
}
