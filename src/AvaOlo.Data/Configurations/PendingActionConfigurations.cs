using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AvaOlo.Data.Configurations;

internal sealed class PendingActionConfiguration : IEntityTypeConfiguration<PendingAction>
{
    public void Configure(EntityTypeBuilder<PendingAction> b)
    {
        b.Property(p => p.Kind).HasMaxLength(32);
        b.Property(p => p.Payload).HasColumnType("jsonb");
        b.Property(p => p.Summary).HasMaxLength(1000);
        b.Property(p => p.Channel).HasMaxLength(16);
        b.Property(p => p.Resolution).HasMaxLength(16);
        b.Property(p => p.Outcome).HasMaxLength(1000);
        // What a confirming request looks up: the open proposals of its farmer's thread.
        b.HasIndex(p => new { p.FarmerId, p.ThreadId }).HasFilter("resolved_at IS NULL").HasDatabaseName("ix_pending_actions_open");
        b.HasOne<Farmer>().WithMany().HasForeignKey(p => p.FarmerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ModelUsageDayConfiguration : IEntityTypeConfiguration<ModelUsageDay>
{
    public void Configure(EntityTypeBuilder<ModelUsageDay> b)
    {
        b.HasKey(u => new { u.Subject, u.Day });
        b.Property(u => u.Subject).HasMaxLength(64);
    }
}
