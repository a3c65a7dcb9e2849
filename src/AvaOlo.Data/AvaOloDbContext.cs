using AvaOlo.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AvaOlo.Data;

public sealed class AvaOloDbContext(DbContextOptions<AvaOloDbContext> options, AuditActor? actor = null, TimeProvider? clock = null)
    : DbContext(options)
{
    private readonly AuditActor _actor = actor ?? AuditActor.System;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public DbSet<Farmer> Farmers => Set<Farmer>();
    public DbSet<Field> Fields => Set<Field>();
    public DbSet<Planting> Plantings => Set<Planting>();
    public DbSet<FarmTask> Tasks => Set<FarmTask>();
    public DbSet<TaskField> TaskFields => Set<TaskField>();
    public DbSet<TaskMaterial> TaskMaterials => Set<TaskMaterial>();
    public DbSet<Material> Materials => Set<Material>();
    public DbSet<MaterialRule> MaterialRules => Set<MaterialRule>();
    public DbSet<CropName> CropNames => Set<CropName>();
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<LlmCall> LlmCalls => Set<LlmCall>();
    public DbSet<PendingAction> PendingActions => Set<PendingAction>();
    public DbSet<ModelUsageDay> ModelUsageDays => Set<ModelUsageDay>();
    public DbSet<MetricMinute> MetricMinutes => Set<MetricMinute>();
    public DbSet<MetricHour> MetricHours => Set<MetricHour>();
    public DbSet<MetricRouteHour> MetricRouteHours => Set<MetricRouteHour>();
    public DbSet<AlarmState> AlarmStates => Set<AlarmState>();
    public DbSet<AlarmTransition> AlarmTransitions => Set<AlarmTransition>();
    public DbSet<ActivityDay> ActivityDays => Set<ActivityDay>();
    public DbSet<QuestionDay> QuestionDays => Set<QuestionDay>();
    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<InboundMessage> WhatsAppInbox => Set<InboundMessage>();
    public DbSet<OutboundMessage> WhatsAppOutbox => Set<OutboundMessage>();
    public DbSet<DeliveryStatusEvent> WhatsAppStatusEvents => Set<DeliveryStatusEvent>();
    public DbSet<WhatsAppContact> WhatsAppContacts => Set<WhatsAppContact>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();
    public DbSet<KnowledgeEntry> KnowledgeEntries => Set<KnowledgeEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AvaOloDbContext).Assembly);

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        AuditTrail.SaveWithAuditAsync(this, _actor, _clock, (accept, ct) => base.SaveChangesAsync(accept, ct),
            acceptAllChangesOnSuccess, cancellationToken);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it writes the audit trail in the same transaction.");
}
