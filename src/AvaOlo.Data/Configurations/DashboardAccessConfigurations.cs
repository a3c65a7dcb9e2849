using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AvaOlo.Data.Configurations;

/// <summary>
/// The dashboards' data-protection key ring (cookie and antiforgery keys). Public because the dashboards read and
/// write it through a small context of their own (the framework's repository saves synchronously, which the
/// audited AvaOloDbContext refuses); both contexts apply this one mapping, so they cannot disagree on the table.
/// </summary>
public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("data_protection_keys");
        b.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}

internal sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> b)
    {
        b.ToTable("login_failures");
        b.Property(f => f.Key).HasMaxLength(32);
        b.HasIndex(f => new { f.Key, f.At });
        b.HasIndex(f => f.At); // deleting what left the window
    }
}
