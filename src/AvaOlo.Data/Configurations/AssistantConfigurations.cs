using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AvaOlo.Data.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.Property(c => c.Channel).HasMaxLength(16);
        b.Property(c => c.Question).HasMaxLength(4000);
        b.Property(c => c.Language).HasMaxLength(2).IsFixedLength();
        b.Property(c => c.CountryCode).HasMaxLength(2).IsFixedLength();
        b.Property(c => c.Method).HasMaxLength(16);
        b.Property(c => c.Model).HasMaxLength(100);
        b.Property(c => c.Checks).HasColumnType("jsonb");
        b.Property(c => c.Sources).HasColumnType("jsonb");
        b.Property(c => c.ReviewState).HasMaxLength(16);
        b.Property(c => c.ReviewedBy).HasMaxLength(254);
        b.Property(c => c.AskerRef).HasMaxLength(80);
        b.HasIndex(c => new { c.FarmerId, c.CreatedAt });
        b.HasIndex(c => c.ThreadId);
        // The pending answers by id, carrying the workbench's filter columns: the queue's total and the bounded count of
        // the answers matching its filters are read from the index alone, without visiting the table.
        b.HasIndex(c => c.Id, "ix_conversations_pending").HasDatabaseName("ix_conversations_pending").HasFilter("review_state = 'pending'")
            .IncludeProperties(c => new { c.Channel, c.Language, c.CountryCode, c.Method, c.FarmerId, c.ChecksPassed });
        // Risk first, derived from the row so that every writer (and every old row) is ranked alike.
        b.Property(c => c.ReviewRank).HasComputedColumnSql(
            "CASE WHEN NOT checks_passed THEN 0 WHEN sources @> '[{\"type\":\"material_rule\"}]' OR sources @> '[{\"type\":\"harvest_safety\"}]' THEN 3 ELSE 6 END" +
            " + CASE method WHEN 'llm' THEN 0 WHEN 'offline' THEN 1 ELSE 2 END", stored: true);
        // The workbench's keyset pages: (rank, newest first, id) over pending rows only.
        b.HasIndex(c => new { c.ReviewRank, c.CreatedAt, c.Id }).HasDatabaseName("ix_conversations_review_queue")
            .IsDescending(false, true, true).HasFilter("review_state = 'pending'");
        // The business page's questions and active farmers by channel for today, read from the index alone (no heap visit).
        b.HasIndex(c => c.CreatedAt, "ix_conversations_created_at_channel").HasDatabaseName("ix_conversations_created_at_channel")
            .IncludeProperties(c => new { c.Channel, c.FarmerId });
        // Reviewed rows by review time, for the business page's weekly review measures.
        b.HasIndex(c => c.ReviewedAt).HasFilter("reviewed_at IS NOT NULL");
        b.HasOne<Farmer>().WithMany().HasForeignKey(c => c.FarmerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class LlmCallConfiguration : IEntityTypeConfiguration<LlmCall>
{
    public void Configure(EntityTypeBuilder<LlmCall> b)
    {
        b.ToTable("llm_debug_log");
        b.Property(l => l.Model).HasMaxLength(100);
        b.Property(l => l.Purpose).HasMaxLength(32);
        b.Property(l => l.Error).HasMaxLength(2000);
        b.Property(l => l.Checks).HasColumnType("jsonb");
        b.HasIndex(l => l.CreatedAt);
        b.HasIndex(l => l.ConversationId);
    }
}
