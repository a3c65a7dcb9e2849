using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AvaOlo.Data.Configurations;

internal sealed class MetricMinuteConfiguration : IEntityTypeConfiguration<MetricMinute>
{
    public void Configure(EntityTypeBuilder<MetricMinute> b)
    {
        b.ToTable("metric_minutes");
        b.HasKey(m => new { m.Service, m.Minute, m.Instance, m.Metric, m.Label });
        b.Property(m => m.Service).HasMaxLength(64);
        b.Property(m => m.Instance).HasMaxLength(128);
        b.Property(m => m.Metric).HasMaxLength(100);
        b.Property(m => m.Label).HasMaxLength(32);
        b.HasIndex(m => m.Minute); // retention pruning, the alarms' last minutes and "all services" views
    }
}

internal sealed class MetricHourConfiguration : IEntityTypeConfiguration<MetricHour>
{
    public void Configure(EntityTypeBuilder<MetricHour> b)
    {
        b.ToTable("metric_hours");
        b.HasKey(m => new { m.Service, m.Hour, m.Metric, m.Label });
        b.Property(m => m.Service).HasMaxLength(64);
        b.Property(m => m.Metric).HasMaxLength(100);
        b.Property(m => m.Label).HasMaxLength(32);
        b.HasIndex(m => m.Hour);
    }
}

internal sealed class MetricRouteHourConfiguration : IEntityTypeConfiguration<MetricRouteHour>
{
    public void Configure(EntityTypeBuilder<MetricRouteHour> b)
    {
        b.ToTable("metric_route_hours");
        b.HasKey(m => new { m.Service, m.Hour, m.Route, m.StatusClass });
        b.Property(m => m.Service).HasMaxLength(64);
        b.Property(m => m.Route).HasMaxLength(200);
        b.Property(m => m.StatusClass).HasMaxLength(3);
        b.HasIndex(m => m.Hour);
    }
}

internal sealed class AlarmStateConfiguration : IEntityTypeConfiguration<AlarmState>
{
    public void Configure(EntityTypeBuilder<AlarmState> b)
    {
        b.ToTable("alarm_states");
        b.HasKey(a => new { a.Alarm, a.Service });
        b.Property(a => a.Alarm).HasMaxLength(64);
        b.Property(a => a.Service).HasMaxLength(64);
        b.Property(a => a.State).HasMaxLength(20);
        b.Property(a => a.Reason).HasMaxLength(500);
    }
}

internal sealed class AlarmTransitionConfiguration : IEntityTypeConfiguration<AlarmTransition>
{
    public void Configure(EntityTypeBuilder<AlarmTransition> b)
    {
        b.ToTable("alarm_transitions");
        b.Property(a => a.Alarm).HasMaxLength(64);
        b.Property(a => a.Service).HasMaxLength(64);
        b.Property(a => a.FromState).HasMaxLength(20);
        b.Property(a => a.ToState).HasMaxLength(20);
        b.Property(a => a.Reason).HasMaxLength(500);
        b.HasIndex(a => a.At);
    }
}

internal sealed class ActivityDayConfiguration : IEntityTypeConfiguration<ActivityDay>
{
    public void Configure(EntityTypeBuilder<ActivityDay> b)
    {
        b.ToTable("activity_days");
        b.HasKey(a => a.Day);
    }
}

internal sealed class QuestionDayConfiguration : IEntityTypeConfiguration<QuestionDay>
{
    public void Configure(EntityTypeBuilder<QuestionDay> b)
    {
        b.ToTable("question_days");
        b.HasKey(q => new { q.Day, q.Language, q.CountryCode, q.Topic });
        b.Property(q => q.Language).HasMaxLength(2);
        b.Property(q => q.CountryCode).HasMaxLength(2);
        b.Property(q => q.Topic).HasMaxLength(64);
    }
}

/// <summary>
/// Dashboard indexes on the assistant's conversations, named so they stay apart from the review-queue index on
/// the same column: the newest-first activity stream and per-day counts, and answers that failed their checks
/// without scanning the passing million.
/// </summary>
internal sealed class ConversationDashboardIndexes : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.HasIndex(c => c.CreatedAt, "ix_conversations_created_at").HasDatabaseName("ix_conversations_created_at");
        b.HasIndex(c => c.CreatedAt, "ix_conversations_failed_checks_created_at")
            .HasDatabaseName("ix_conversations_failed_checks_created_at").HasFilter("checks_passed = false");
    }
}
