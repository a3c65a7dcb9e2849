using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AvaOlo.Data.Configurations;

internal sealed class KnowledgeEntryConfiguration : IEntityTypeConfiguration<KnowledgeEntry>
{
    public void Configure(EntityTypeBuilder<KnowledgeEntry> b)
    {
        b.ToTable("knowledge_entries", t =>
        {
            t.HasCheckConstraint("ck_knowledge_entries_scope",
                "(scope = 'farmer' AND farmer_id IS NOT NULL AND country_code IS NULL) OR " +
                "(scope = 'country' AND farmer_id IS NULL AND country_code IS NOT NULL) OR " +
                "(scope = 'global' AND farmer_id IS NULL AND country_code IS NULL)");
        });
        b.Property(k => k.Scope).HasMaxLength(16);
        b.Property(k => k.CountryCode).HasMaxLength(2).IsFixedLength();
        b.Property(k => k.Question).HasMaxLength(4000);
        b.Property(k => k.Answer).HasMaxLength(8000);
        b.Property(k => k.Language).HasMaxLength(2).IsFixedLength();
        b.Property(k => k.CreatedBy).HasMaxLength(254);
        // The lookup narrows live entries to those sharing a stem with the question (&& on a GIN index), then scores them.
        b.HasIndex(k => k.QuestionStems).HasMethod("gin").HasFilter("retired_at IS NULL");
        b.HasIndex(k => k.FarmerId);
        b.HasIndex(k => k.ConversationId);
        // A farmer's own entries go with the farmer (erasure); a country or global entry outlives the exchange it came from.
        b.HasOne<Farmer>().WithMany().HasForeignKey(k => k.FarmerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Conversation>().WithMany().HasForeignKey(k => k.ConversationId).OnDelete(DeleteBehavior.SetNull);
    }
}
