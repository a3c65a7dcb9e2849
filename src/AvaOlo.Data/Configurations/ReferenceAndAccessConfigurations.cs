using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AvaOlo.Data.Configurations;

internal sealed class MaterialConfiguration : IEntityTypeConfiguration<Material>
{
    public void Configure(EntityTypeBuilder<Material> b)
    {
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.Kind).HasMaxLength(32);
        b.Property(m => m.Manufacturer).HasMaxLength(200);
        b.Property(m => m.Unit).HasMaxLength(32);
        b.HasIndex(m => m.Name).IsUnique();
        b.OwnsMany(m => m.ActiveIngredients, ai =>
        {
            ai.ToJson("active_ingredients");
            ai.Property(a => a.Concentration).HasPrecision(12, 4);
        });
    }
}

internal sealed class MaterialRuleConfiguration : IEntityTypeConfiguration<MaterialRule>
{
    public void Configure(EntityTypeBuilder<MaterialRule> b)
    {
        b.Property(r => r.CountryCode).HasMaxLength(2).IsFixedLength();
        b.Property(r => r.Crop).HasMaxLength(100);
        b.Property(r => r.DoseMin).HasPrecision(12, 4);
        b.Property(r => r.DoseMax).HasPrecision(12, 4);
        b.Property(r => r.DoseUnit).HasMaxLength(32);
        b.Property(r => r.Notes).HasMaxLength(2000);
        b.HasIndex(r => new { r.MaterialId, r.CountryCode, r.Crop }).IsUnique();
        b.HasOne(r => r.Material).WithMany(m => m.Rules).HasForeignKey(r => r.MaterialId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CropNameConfiguration : IEntityTypeConfiguration<CropName>
{
    public void Configure(EntityTypeBuilder<CropName> b)
    {
        b.Property(c => c.Crop).HasMaxLength(100);
        b.Property(c => c.Stem).HasMaxLength(100);
        b.HasIndex(c => new { c.Crop, c.Stem }).IsUnique();
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(u => u.Username).HasMaxLength(254);
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Role).HasMaxLength(16);
        b.Property(u => u.PasswordHash).HasMaxLength(500);
        b.HasIndex(u => u.Username).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("ck_users_role", "role IN ('admin', 'agronomist', 'business')"));
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(k => k.Name).HasMaxLength(200);
        b.Property(k => k.Prefix).HasMaxLength(32);
        b.HasIndex(k => k.Prefix).IsUnique();
        b.HasIndex(k => k.FarmerId);
        b.HasOne<Farmer>().WithMany().HasForeignKey(k => k.FarmerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditLogConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> b)
    {
        b.ToTable("audit_log");
        b.Property(a => a.ActorType).HasMaxLength(16);
        b.Property(a => a.ActorId).HasMaxLength(64);
        b.Property(a => a.ActorName).HasMaxLength(200);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(16);
        b.Property(a => a.Before).HasColumnType("jsonb");
        b.Property(a => a.After).HasColumnType("jsonb");
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => new { a.FarmerId, a.At });
        b.HasIndex(a => a.At);
    }
}
