using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AvaOlo.Data.Configurations;

internal sealed class FarmerConfiguration : IEntityTypeConfiguration<Farmer>
{
    public void Configure(EntityTypeBuilder<Farmer> b)
    {
        b.Property(f => f.Name).HasMaxLength(200);
        b.Property(f => f.FarmName).HasMaxLength(200);
        b.Property(f => f.Phone).HasMaxLength(16);
        b.Property(f => f.Email).HasMaxLength(254);
        b.Property(f => f.Address).HasMaxLength(500);
        b.Property(f => f.VatNumber).HasMaxLength(32);
        b.Property(f => f.CountryCode).HasMaxLength(2).IsFixedLength();
        b.Property(f => f.PreferredLanguage).HasMaxLength(2).IsFixedLength();
        // A phone number identifies one living farmer; a soft-deleted farmer frees the number.
        b.HasIndex(f => f.Phone).IsUnique().HasFilter("deleted_at IS NULL");
        b.HasIndex(f => f.CountryCode);
        b.HasIndex(f => f.CreatedAt);
        b.HasQueryFilter(f => f.DeletedAt == null);
    }
}

internal sealed class FieldConfiguration : IEntityTypeConfiguration<Field>
{
    public void Configure(EntityTypeBuilder<Field> b)
    {
        b.Property(f => f.Name).HasMaxLength(200);
        b.Property(f => f.AreaHa).HasPrecision(12, 4);
        b.Property(f => f.CentroidLat).HasPrecision(9, 6);
        b.Property(f => f.CentroidLon).HasPrecision(9, 6);
        b.Property(f => f.BoundaryGeoJson).HasColumnName("boundary_geojson").HasColumnType("jsonb");
        b.Property(f => f.Notes).HasMaxLength(4000);
        b.HasIndex(f => new { f.FarmerId, f.Name }).IsUnique();
        b.HasOne(f => f.Farmer).WithMany(f => f.Fields).HasForeignKey(f => f.FarmerId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("ck_fields_area_positive", "area_ha > 0"));
    }
}

internal sealed class PlantingConfiguration : IEntityTypeConfiguration<Planting>
{
    public void Configure(EntityTypeBuilder<Planting> b)
    {
        b.Property(p => p.CropName).HasMaxLength(200);
        b.Property(p => p.Variety).HasMaxLength(200);
        b.Property(p => p.Status).HasMaxLength(16);
        b.Property(p => p.ExpectedYieldTPerHa).HasColumnName("expected_yield_t_per_ha").HasPrecision(8, 3);
        b.HasIndex(p => new { p.FieldId, p.SeasonYear });
        b.HasIndex(p => new { p.FarmerId, p.SeasonYear });
        b.HasOne(p => p.Field).WithMany(f => f.Plantings).HasForeignKey(p => p.FieldId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Farmer>().WithMany().HasForeignKey(p => p.FarmerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FarmTaskConfiguration : IEntityTypeConfiguration<FarmTask>
{
    public void Configure(EntityTypeBuilder<FarmTask> b)
    {
        b.ToTable("tasks");
        b.Property(t => t.Type).HasMaxLength(100);
        b.Property(t => t.Status).HasMaxLength(16);
        b.Property(t => t.Notes).HasMaxLength(4000);
        b.HasIndex(t => new { t.FarmerId, t.Status, t.DueOn });
        b.HasIndex(t => new { t.FarmerId, t.DoneOn });
        b.HasOne<Farmer>().WithMany().HasForeignKey(t => t.FarmerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Fields).WithOne().HasForeignKey(tf => tf.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Materials).WithOne().HasForeignKey(tm => tm.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskFieldConfiguration : IEntityTypeConfiguration<TaskField>
{
    public void Configure(EntityTypeBuilder<TaskField> b)
    {
        b.HasKey(tf => new { tf.TaskId, tf.FieldId });
        b.HasIndex(tf => tf.FieldId);
        b.HasOne(tf => tf.Field).WithMany().HasForeignKey(tf => tf.FieldId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskMaterialConfiguration : IEntityTypeConfiguration<TaskMaterial>
{
    public void Configure(EntityTypeBuilder<TaskMaterial> b)
    {
        b.Property(m => m.MaterialName).HasMaxLength(200);
        b.Property(m => m.Dose).HasPrecision(12, 4);
        b.Property(m => m.Unit).HasMaxLength(32);
        b.HasIndex(m => m.TaskId);
        b.HasIndex(m => m.MaterialId);
        b.HasOne(m => m.Material).WithMany().HasForeignKey(m => m.MaterialId).OnDelete(DeleteBehavior.Restrict);
    }
}
