using AvaOlo.AgriculturalCore.Common;
using AvaOlo.AgriculturalCore.DataRights;
using AvaOlo.AgriculturalCore.Farmers;
using AvaOlo.Data;
using AvaOlo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AvaOlo.AgriculturalCore.WhatsApp.Onboarding;

/// <summary>
/// Creates the farmer a "yes" to the consent question asks for — by the same rules as the farmers API (country from the
/// number through libphonenumber), in the audit trail as the "whatsapp onboarding" actor — and records the consents.
/// Safe to run twice for one message: the phone's unique index finds the farmer made the first time, and consents are
/// idempotent.
/// </summary>
public sealed class FarmerRegistration(NpgsqlDataSource data, AvaOloDbContext db, AuditActor actor, ConsentLedger consents, TimeProvider clock)
{
    /// <summary>The version of the consent text onboarding shows (OnboardingPhrases.Consent); change both together.</summary>
    public const string ConsentVersion = "2026-12";
    public const string TermsPurpose = "terms";
    /// <summary>Receiving our WhatsApp messages: withdrawn by STOP, given again by START.</summary>
    public const string MessagesPurpose = "whatsapp_messages";

    public async Task<int> RegisterAsync(string phone, Contact c, long inboxId, CancellationToken ct)
    {
        var (value, errors) = FarmerRules.Validate(new FarmerRequest(c.Name, c.FarmName, phone, null, null, null, null, c.Language));
        if (value is null) throw new InvalidOperationException($"onboarding cannot register this number: {string.Join(", ", errors.ToDictionary().Keys)}");
        actor.Type = "whatsapp";
        actor.Id = null;
        actor.Name = "whatsapp onboarding";
        var farmer = new Farmer
        {
            Name = value.Name, FarmName = value.FarmName, Phone = value.Phone, CountryCode = value.CountryCode, PreferredLanguage = value.PreferredLanguage,
        };
        db.Farmers.Add(farmer);
        int id;
        try
        {
            await db.SaveChangesAsync(ct);
            id = farmer.Id;
        }
        catch (DbUpdateException e) when (Conflicts.IsUniqueViolation(e, "ix_farmers_phone"))
        {
            db.ChangeTracker.Clear();
            id = await db.Farmers.Where(f => f.Phone == value.Phone).Select(f => f.Id).SingleAsync(ct);
        }
        await consents.RecordAsync(id, TermsPurpose, ConsentVersion, ChannelAnswererChannel, ct);
        await consents.RecordAsync(id, MessagesPurpose, ConsentVersion, ChannelAnswererChannel, ct);
        await ContactStore.RegisteredAsync(data, phone, id, inboxId, clock.GetUtcNow(), ct);
        return id;
    }

    public Task WithdrawMessagesAsync(int farmerId, CancellationToken ct) => consents.WithdrawAsync(farmerId, MessagesPurpose, ct);

    public Task RecordMessagesAsync(int farmerId, CancellationToken ct) => consents.RecordAsync(farmerId, MessagesPurpose, ConsentVersion, ChannelAnswererChannel, ct);

    public Task<string> NameOfAsync(int farmerId, CancellationToken ct) => db.Farmers.Where(f => f.Id == farmerId).Select(f => f.Name).SingleAsync(ct);

    private const string ChannelAnswererChannel = Answering.ChannelAnswerer.Channel;
}
