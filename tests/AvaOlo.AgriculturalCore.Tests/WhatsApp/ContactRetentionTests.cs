using AvaOlo.AgriculturalCore.DataRights;
using AvaOlo.Data.Entities;
using AvaOlo.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AvaOlo.AgriculturalCore.Tests.WhatsApp;

/// <summary>A name typed into an onboarding that never finished is cleared after the retention period, as the messages are.</summary>
public sealed class ContactRetentionTests(TestDatabase database) : ApiTestBase(database)
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["CONVERSATION_RETENTION_DAYS"] = "30" };

    [Fact]
    public async Task Unfinished_onboardings_older_than_the_retention_lose_their_names_and_opt_outs_and_registrations_stay()
    {
        var now = DateTimeOffset.UtcNow;
        await using (var db = Database.CreateContext())
        {
            db.WhatsAppContacts.AddRange(
                Contact("+385911000001", OnboardingSteps.AskConsent, "Ivan Horvat", "OPG Horvat", now.AddDays(-40)),
                Contact("+385911000002", OnboardingSteps.AskFarm, "Marija Kovač", null, now.AddDays(-31), optedOut: now.AddDays(-31)),
                Contact("+385911000003", OnboardingSteps.AskFarm, "Ana Novak", null, now.AddDays(-1)),
                Contact("+385911000004", OnboardingSteps.Registered, null, null, now.AddDays(-400), farmerId: W.A.Id));
            await db.SaveChangesAsync();
        }

        var outcome = await Factory.Services.GetRequiredService<RetentionJob>().RunAsync(default);

        Assert.Equal(2, outcome.WhatsAppContacts);
        await using var check = Database.CreateContext();
        var rows = await check.WhatsAppContacts.AsNoTracking().OrderBy(c => c.Phone).ToListAsync();
        Assert.Equal([(OnboardingSteps.None, null, null), (OnboardingSteps.None, null, null), (OnboardingSteps.AskFarm, "Ana Novak", null),
            (OnboardingSteps.Registered, null, null)], rows.Select(c => (c.Step, c.Name, c.FarmName)));
        Assert.NotNull(rows[1].OptedOutAt); // a STOP outlives the retention
        Assert.Equal(W.A.Id, rows[3].FarmerId);
        Assert.Equal(0, (await Factory.Services.GetRequiredService<RetentionJob>().RunAsync(default)).WhatsAppContacts);
    }

    private static WhatsAppContact Contact(string phone, string step, string? name, string? farm, DateTimeOffset at, DateTimeOffset? optedOut = null, int? farmerId = null) =>
        new()
        {
            Phone = phone, Step = step, Language = "hr", Name = name, FarmName = farm, FarmerId = farmerId, LastInboxId = 0, OptedOutAt = optedOut,
            CreatedAt = at, UpdatedAt = at,
        };
}
